package com.subscriptionbff.stripe;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.UUID;

import static com.subscriptionbff.db.Tables.WORKSPACES;

/** Which workspace a Stripe customer is. */
@Component
public class StripeCustomers {

    private final DSLContext db;
    private final StripeTrials stripe;

    StripeCustomers(DSLContext db, StripeTrials stripe) {
        this.db = db;
        this.stripe = stripe;
    }

    /**
     * The workspace's Stripe customer, created first when it has none (idempotent by workspace id, as for a trial),
     * so that every event of what it buys next names a customer that is already this workspace's.
     */
    public String ensureCustomer(UUID workspaceId, String name) {
        String existing = db.select(WORKSPACES.STRIPE_CUSTOMER_ID).from(WORKSPACES)
                .where(WORKSPACES.ID.eq(workspaceId)).fetchOne(WORKSPACES.STRIPE_CUSTOMER_ID);
        if (existing != null) {
            return existing;
        }
        attach(workspaceId, stripe.createCustomer(workspaceId, name, null));
        return db.select(WORKSPACES.STRIPE_CUSTOMER_ID).from(WORKSPACES)
                .where(WORKSPACES.ID.eq(workspaceId)).fetchOne(WORKSPACES.STRIPE_CUSTOMER_ID);
    }

    /** The workspace's Stripe customer is this one, unless it has one already (stored once, never replaced). */
    public void attach(UUID workspaceId, String customerId) {
        db.update(WORKSPACES).set(WORKSPACES.STRIPE_CUSTOMER_ID, customerId)
                .where(WORKSPACES.ID.eq(workspaceId)).and(WORKSPACES.STRIPE_CUSTOMER_ID.isNull()).execute();
    }

    /** The workspace's Stripe customer; a refusal until the workspace has a billing account in Stripe. */
    public String customerOf(UUID workspaceId) {
        String customer = db.select(WORKSPACES.STRIPE_CUSTOMER_ID).from(WORKSPACES)
                .where(WORKSPACES.ID.eq(workspaceId)).fetchOne(WORKSPACES.STRIPE_CUSTOMER_ID);
        if (customer == null) {
            throw new StripeRefusal(com.subscriptionbff.common.UserError.Code.NOT_ELIGIBLE,
                    "this workspace has no billing account in Stripe yet");
        }
        return customer;
    }

    /**
     * Fails while the customer is no workspace of ours yet (its event may come before the workspace is stored): the
     * event stays FAILED and Stripe's next delivery completes it.
     */
    UUID workspaceOf(String customerId) {
        return db.select(WORKSPACES.ID).from(WORKSPACES)
                .where(WORKSPACES.STRIPE_CUSTOMER_ID.eq(customerId))
                .fetchOptional(WORKSPACES.ID)
                .orElseThrow(() -> new IllegalStateException("no workspace for customer " + customerId));
    }
}
