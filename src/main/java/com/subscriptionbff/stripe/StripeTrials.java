package com.subscriptionbff.stripe;

import com.stripe.StripeClient;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionCreateParams.PaymentSettings.SaveDefaultPaymentMethod;
import com.stripe.param.SubscriptionCreateParams.TrialSettings.EndBehavior.MissingPaymentMethod;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * A new workspace's billing account in Stripe: its customer and a trial without a payment method, which Stripe cancels
 * at its end unless a card was saved by then. The idempotency keys derive from the workspace id, so an announcement
 * retried within Stripe's 24 hours creates neither twice. Calls go through {@link StripeGateway}'s error handling.
 */
@Component
public class StripeTrials {

    private final StripeClient client;
    private final StripeGateway gateway;

    StripeTrials(StripeClient client, StripeGateway gateway) {
        this.client = client;
        this.gateway = gateway;
    }

    /** Creates the workspace's customer (named as the workspace, with the owner's email); answers its id. */
    public String createCustomer(UUID workspaceId, String name, String email) {
        var params = CustomerCreateParams.builder().setName(name).setEmail(email)
                .putMetadata(StripeGateway.WORKSPACE_METADATA, workspaceId.toString()).build();
        return gateway.call("create the customer", () ->
                client.customers().create(params, StripeGateway.key("workspace-" + workspaceId + ":customer")).getId());
    }

    /**
     * Starts a trial of `days` days on the monthly price, without a payment method: canceled at the trial's end
     * unless a card is saved (trial_settings.end_behavior.missing_payment_method=cancel); a card given during the
     * trial, in Checkout or the portal, becomes the subscription's default (save_default_payment_method).
     */
    public StripeSubscriptionState startTrial(String customerId, UUID workspaceId, String monthlyPriceId, int days) {
        var params = SubscriptionCreateParams.builder()
                .setCustomer(customerId)
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(monthlyPriceId).setQuantity(1L).build())
                .setTrialPeriodDays((long) days)
                .setTrialSettings(SubscriptionCreateParams.TrialSettings.builder()
                        .setEndBehavior(SubscriptionCreateParams.TrialSettings.EndBehavior.builder()
                                .setMissingPaymentMethod(MissingPaymentMethod.CANCEL).build())
                        .build())
                .setPaymentSettings(SubscriptionCreateParams.PaymentSettings.builder()
                        .setSaveDefaultPaymentMethod(SaveDefaultPaymentMethod.ON_SUBSCRIPTION).build())
                .putMetadata(StripeGateway.WORKSPACE_METADATA, workspaceId.toString())
                .build();
        return gateway.call("start the trial", () -> new StripeSubscriptionState(
                client.subscriptions().create(params, StripeGateway.key("workspace-" + workspaceId + ":trial")), null));
    }
}
