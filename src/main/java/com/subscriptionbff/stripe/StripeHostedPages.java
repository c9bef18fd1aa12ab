package com.subscriptionbff.stripe;

import com.stripe.StripeClient;
import com.stripe.param.checkout.SessionCreateParams;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

/**
 * Stripe's hosted pages, which the buttons send a user to: Checkout for a new subscription or a credit pack, and the
 * billing portal's payment-method update. Each page is confirmed by its webhook, not by the user's return: Checkout by
 * checkout.session.completed ({@link StripeSubscriptionSync} writes the subscription, {@link StripeCreditPurchaseSync}
 * the purchase), the card by payment_method.attached.
 */
@Component
public class StripeHostedPages {

    private final StripeClient client;
    private final StripeGateway gateway;

    StripeHostedPages(StripeClient client, StripeGateway gateway) {
        this.client = client;
        this.gateway = gateway;
    }

    /**
     * The Checkout page selling the prices and quantities as one subscription; `customerId` null lets Checkout create
     * the customer, which the webhook then links to the workspace (client_reference_id).
     */
    public String subscriptionCheckoutUrl(String customerId, UUID workspaceId, Map<String, Long> quantitiesByPrice,
                                          String successUrl, String cancelUrl, String idempotencyKey) {
        var params = checkout(SessionCreateParams.Mode.SUBSCRIPTION, customerId, workspaceId, successUrl, cancelUrl)
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata(StripeGateway.WORKSPACE_METADATA, workspaceId.toString()).build());
        quantitiesByPrice.forEach((price, quantity) -> params.addLineItem(lineItem(price, quantity)));
        return open(params, idempotencyKey);
    }

    /**
     * The Checkout page selling `quantity` of a one-off price once. The credits bought travel in the metadata, which
     * the checkout.session.completed webhook turns into a purchase.
     */
    public String creditsCheckoutUrl(String customerId, UUID workspaceId, String priceId, long quantity, long credits,
                                     String successUrl, String cancelUrl, String idempotencyKey) {
        var params = checkout(SessionCreateParams.Mode.PAYMENT, customerId, workspaceId, successUrl, cancelUrl)
                .addLineItem(lineItem(priceId, quantity))
                .putMetadata(StripeCreditPurchaseSync.CREDITS_METADATA, Long.toString(credits));
        return open(params, idempotencyKey);
    }

    /** The billing portal's page where the customer replaces their payment method, then returns to `returnUrl`. */
    public String paymentMethodUpdateUrl(String customerId, String returnUrl, String idempotencyKey) {
        var params = com.stripe.param.billingportal.SessionCreateParams.builder()
                .setCustomer(customerId)
                .setReturnUrl(returnUrl)
                .setFlowData(com.stripe.param.billingportal.SessionCreateParams.FlowData.builder()
                        .setType(com.stripe.param.billingportal.SessionCreateParams.FlowData.Type.PAYMENT_METHOD_UPDATE)
                        .build())
                .build();
        return gateway.call("open the payment page", () ->
                client.billingPortal().sessions().create(params, StripeGateway.key(idempotencyKey)).getUrl());
    }

    /** A Checkout session of the workspace (client_reference_id), with where the user goes after it. */
    private static SessionCreateParams.Builder checkout(SessionCreateParams.Mode mode, String customerId,
                                                        UUID workspaceId, String successUrl, String cancelUrl) {
        return SessionCreateParams.builder()
                .setMode(mode)
                .setCustomer(customerId)
                .setClientReferenceId(workspaceId.toString())
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl);
    }

    private static SessionCreateParams.LineItem lineItem(String priceId, long quantity) {
        return SessionCreateParams.LineItem.builder().setPrice(priceId).setQuantity(quantity).build();
    }

    private String open(SessionCreateParams.Builder params, String idempotencyKey) {
        return gateway.call("open the checkout page", () ->
                client.checkout().sessions().create(params.build(), StripeGateway.key(idempotencyKey)).getUrl());
    }
}
