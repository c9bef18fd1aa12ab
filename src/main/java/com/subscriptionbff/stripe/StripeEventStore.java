package com.subscriptionbff.stripe;

import com.stripe.model.Event;
import com.subscriptionbff.db.enums.StripeEventStatus;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;

import static com.subscriptionbff.db.Tables.STRIPE_EVENTS;

/** The events Stripe sent, with what became of them. */
@Repository
class StripeEventStore {

    private final DSLContext db;
    private final Clock clock;

    StripeEventStore(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores the event unless known; answers its status (PROCESSED for a duplicate already handled). */
    StripeEventStatus receive(Event event, String payload) {
        db.insertInto(STRIPE_EVENTS)
                .set(STRIPE_EVENTS.ID, event.getId())
                .set(STRIPE_EVENTS.TYPE, event.getType())
                .set(STRIPE_EVENTS.CREATED, Instant.ofEpochSecond(event.getCreated()))
                .set(STRIPE_EVENTS.PAYLOAD, JSONB.valueOf(payload))
                .onConflictDoNothing()
                .execute();
        return db.select(STRIPE_EVENTS.STATUS).from(STRIPE_EVENTS).where(STRIPE_EVENTS.ID.eq(event.getId()))
                .fetchSingle(STRIPE_EVENTS.STATUS);
    }

    /**
     * Inside the handling transaction: locks the event, so that the same event delivered to two instances at once is
     * handled by one while the other waits; false when it was handled meanwhile.
     */
    boolean claim(String eventId) {
        return db.select(STRIPE_EVENTS.STATUS).from(STRIPE_EVENTS).where(STRIPE_EVENTS.ID.eq(eventId))
                .forUpdate()
                .fetchSingle(STRIPE_EVENTS.STATUS) != StripeEventStatus.PROCESSED;
    }

    void processed(String eventId) {
        db.update(STRIPE_EVENTS)
                .set(STRIPE_EVENTS.STATUS, StripeEventStatus.PROCESSED)
                .set(STRIPE_EVENTS.ATTEMPTS, STRIPE_EVENTS.ATTEMPTS.plus(1))
                .set(STRIPE_EVENTS.PROCESSED_AT, clock.instant())
                .set(STRIPE_EVENTS.LAST_ERROR, (String) null)
                .where(STRIPE_EVENTS.ID.eq(eventId))
                .execute();
    }

    void failed(String eventId, String error) {
        db.update(STRIPE_EVENTS)
                .set(STRIPE_EVENTS.STATUS, StripeEventStatus.FAILED)
                .set(STRIPE_EVENTS.ATTEMPTS, STRIPE_EVENTS.ATTEMPTS.plus(1))
                .set(STRIPE_EVENTS.LAST_ERROR, error.length() > 2000 ? error.substring(0, 2000) : error)
                .where(STRIPE_EVENTS.ID.eq(eventId))
                .execute();
    }
}
