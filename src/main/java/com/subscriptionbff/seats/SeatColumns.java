package com.subscriptionbff.seats;

import com.subscriptionbff.db.enums.SubscriptionStatus;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;

import java.util.List;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.MEMBERS;
import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.selectCount;

/**
 * Seats used and paid for as columns that other queries select beside their own (left-joining the workspace's
 * SUBSCRIPTIONS and its PLANS), as {@link com.subscriptionbff.plan.PlanRepository#planColumns} does for plans.
 */
public final class SeatColumns {

    private SeatColumns() {
    }

    /** The columns for the workspace whose id the query has in `workspaceId`. */
    public static List<SelectField<?>> columns(Field<UUID> workspaceId) {
        return List.of(activeMembers(workspaceId), INCLUDED, EXTRA, RENEWS);
    }

    private static final Field<Integer> INCLUDED = coalesce(PLANS.INCLUDED_SEATS, 0).as("included_seats");
    private static final Field<Integer> EXTRA = coalesce(SUBSCRIPTIONS.EXTRA_SEATS, 0).as("extra_seats");
    private static final Field<Boolean> RENEWS = field(SUBSCRIPTIONS.ID.isNotNull()
            .and(SUBSCRIPTIONS.STATUS.ne(SubscriptionStatus.CANCELED))).as("seats_renew");
    private static final String ACTIVE_MEMBERS = "active_members";

    private static Field<Integer> activeMembers(Field<UUID> workspaceId) {
        return field(selectCount().from(MEMBERS)
                .where(MEMBERS.WORKSPACE_ID.eq(workspaceId).and(MEMBERS.DEACTIVATED_AT.isNull())))
                .as(ACTIVE_MEMBERS);
    }

    public static SeatUsage seatUsage(Record row, UUID workspaceId) {
        return new SeatUsage(workspaceId, row.get(ACTIVE_MEMBERS, Integer.class), row.get(INCLUDED), row.get(EXTRA),
                row.get(RENEWS));
    }
}
