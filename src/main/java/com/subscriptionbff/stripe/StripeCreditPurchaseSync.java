package com.subscriptionbff.stripe;

import com.stripe.model.checkout.Session;
import com.subscriptionbff.db.enums.CreditPurchaseSource;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.CREDIT_BALANCES;
import static com.subscriptionbff.db.Tables.CREDIT_PURCHASES;

/**
 * A paid Checkout session for credits becomes a row of the purchase history and credits on the balance, once:
 * the session id is unique, so a second delivery adds nothing. The credits bought travel in the session's metadata.
 */
@Component
class StripeCreditPurchaseSync {

    static final String CREDITS_METADATA = "credits";

    private final DSLContext db;
    private final Clock clock;
    private final StripeCustomers customers;
    private final ApplicationEventPublisher events;

    StripeCreditPurchaseSync(DSLContext db, StripeCustomers customers, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.customers = customers;
        this.events = events;
    }

    void apply(Session session) {
        String credits = session.getMetadata() == null ? null : session.getMetadata().get(CREDITS_METADATA);
        if (credits == null || !"paid".equals(session.getPaymentStatus())) {
            return; // not a credit purchase, or not paid (yet): nothing to add
        }
        UUID workspaceId = customers.workspaceOf(session.getCustomer());
        long quantity = Long.parseLong(credits);
        int added = db.insertInto(CREDIT_PURCHASES)
                .set(CREDIT_PURCHASES.ID, UUID.randomUUID())
                .set(CREDIT_PURCHASES.WORKSPACE_ID, workspaceId)
                .set(CREDIT_PURCHASES.PURCHASED_AT, Instant.ofEpochSecond(session.getCreated()))
                .set(CREDIT_PURCHASES.CREDITS, quantity)
                .set(CREDIT_PURCHASES.AMOUNT_MINOR, session.getAmountTotal())
                .set(CREDIT_PURCHASES.CURRENCY, session.getCurrency().toUpperCase(Locale.ROOT))
                .set(CREDIT_PURCHASES.SOURCE, CreditPurchaseSource.PURCHASE)
                .set(CREDIT_PURCHASES.STRIPE_CHECKOUT_SESSION_ID, session.getId())
                .onConflictDoNothing()
                .execute();
        if (added == 0) {
            return;
        }
        db.insertInto(CREDIT_BALANCES)
                .set(CREDIT_BALANCES.WORKSPACE_ID, workspaceId)
                .set(CREDIT_BALANCES.PURCHASED_REMAINING, quantity)
                .onConflict(CREDIT_BALANCES.WORKSPACE_ID)
                .doUpdate().set(CREDIT_BALANCES.PURCHASED_REMAINING, CREDIT_BALANCES.PURCHASED_REMAINING.plus(quantity))
                .set(CREDIT_BALANCES.UPDATED_AT, clock.instant())
                .execute();
        events.publishEvent(new CreditBalanceChanged(workspaceId)); // handled in this transaction
    }
}
