package com.subscriptionbff.stripe;

import java.util.UUID;

/**
 * Published inside the transaction that changed a workspace's purchased credits from Stripe's answer (a paid
 * Checkout session), so that the credits feature tells the live balances without this package knowing it.
 */
public record CreditBalanceChanged(UUID workspaceId) {
}
