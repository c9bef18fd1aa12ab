package com.subscriptionbff.stripe;

import com.subscriptionbff.db.enums.DeactivationReason;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.MEMBERS;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

/**
 * The seat limit, applied when a period begins (a renewal, or the Free plan after a subscription ended): the most
 * recently added active members beyond the seats are deactivated, in one statement.
 */
@Component
class SeatLimit {

    private final DSLContext db;

    SeatLimit(DSLContext db) {
        this.db = db;
    }

    void apply(UUID workspaceId, int seats, Instant at) {
        Field<Integer> rank = rowNumber().over().orderBy(MEMBERS.JOINED_AT, MEMBERS.ID).as("seat_rank");
        var ranked = select(MEMBERS.ID, rank).from(MEMBERS)
                .where(MEMBERS.WORKSPACE_ID.eq(workspaceId)).and(MEMBERS.DEACTIVATED_AT.isNull())
                .asTable("ranked");
        db.update(MEMBERS)
                .set(MEMBERS.DEACTIVATED_AT, greatest(MEMBERS.JOINED_AT, val(at)))
                .set(MEMBERS.DEACTIVATION_REASON, DeactivationReason.SEAT_LIMIT_AT_RENEWAL)
                .where(MEMBERS.ID.in(select(ranked.field(MEMBERS.ID)).from(ranked).where(ranked.field(rank).gt(seats))))
                .execute();
    }
}
