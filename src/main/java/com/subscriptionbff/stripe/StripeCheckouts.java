package com.subscriptionbff.stripe;

import com.stripe.StripeClient;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

/**
 * Checkout in subscription mode, for a workspace without a subscription: Stripe takes the card and the first period's
 * payment, then confirms with checkout.session.completed, whose subscription {@link StripeSubscriptionSync} writes.
 */
@Component
public class StripeCheckouts {

    /** The metadata key, on the subscription, of the workspace it bills. */
    static final String WORKSPACE_METADATA = "workspace_id";

    private final StripeClient client;
    private final StripeGateway gateway;

    StripeCheckouts(StripeClient client, StripeGateway gateway) {
        this.client = client;
        this.gateway = gateway;
    }

    /**
     * The Checkout page selling the prices and quantities as one subscription; `customerId` null lets Checkout create
     * the customer, which the webhook then links to the workspace (client_reference_id).
     */
    public String subscriptionCheckoutUrl(String customerId, UUID workspaceId, Map<String, Long> quantitiesByPrice,
                                          String successUrl, String cancelUrl, String idempotencyKey) {
        var params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(customerId)
                .setClientReferenceId(workspaceId.toString())
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata(WORKSPACE_METADATA, workspaceId.toString()).build())
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl);
        quantitiesByPrice.forEach((price, quantity) -> params.addLineItem(SessionCreateParams.LineItem.builder()
                .setPrice(price).setQuantity(quantity).build()));
        return gateway.call("open the checkout page", () -> client.checkout().sessions().create(params.build(),
                RequestOptions.builder().setIdempotencyKey(idempotencyKey).build()).getUrl());
    }
}
