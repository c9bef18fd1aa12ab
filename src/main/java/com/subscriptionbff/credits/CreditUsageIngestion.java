package com.subscriptionbff.credits;

import com.subscriptionbff.db.enums.SubscriptionStatus;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.CREDIT_BALANCES;
import static com.subscriptionbff.db.Tables.CREDIT_USAGE_DAILY;
import static com.subscriptionbff.db.Tables.CREDIT_USAGE_EVENTS;
import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static com.subscriptionbff.db.Tables.WORKSPACES;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;

/**
 * Records credits consumed by the product's services. One transaction per event: the event (whose key makes a replay
 * count once), the day's aggregate in the workspace's time zone, and the purchased balance, which pays for whatever
 * the month's usage takes beyond the monthly allowance (monthly credits first, then purchased ones).
 */
@Service
public class CreditUsageIngestion {

    private final DSLContext db;
    private final Clock clock;

    CreditUsageIngestion(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record UsageEvent(UUID workspaceId, String idempotencyKey, Instant occurredAt, long credits) {
    }

    /** @param duplicate true when the key was already recorded: nothing changed */
    public record Recorded(boolean duplicate, LocalDate day, long purchasedRemaining) {
    }

    /** A replay of a recorded key with other credits or another day: refused, nothing changed. */
    static final class KeyConflict extends RuntimeException {
        KeyConflict(String key, long credits, LocalDate day) {
            super("idempotencyKey \"" + key + "\" was already recorded with " + credits + " credits on " + day
                    + "; a replay must repeat the same credits and day. Nothing was changed");
        }
    }

    /** Empty when the workspace does not exist; {@link KeyConflict} when the key was recorded with other values. */
    @Transactional
    public Optional<Recorded> record(UsageEvent event, String recordedBy) {
        // the balance row serializes the events of one workspace
        var workspace = db.select(WORKSPACES.TIME_ZONE, CREDIT_BALANCES.PURCHASED_REMAINING)
                .from(WORKSPACES)
                .leftJoin(CREDIT_BALANCES).on(CREDIT_BALANCES.WORKSPACE_ID.eq(WORKSPACES.ID))
                .where(WORKSPACES.ID.eq(event.workspaceId()))
                .forUpdate().of(WORKSPACES)
                .fetchOptional();
        if (workspace.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = ZoneId.of(workspace.get().value1());
        LocalDate day = LocalDate.ofInstant(event.occurredAt(), zone);
        int inserted = db.insertInto(CREDIT_USAGE_EVENTS)
                .set(CREDIT_USAGE_EVENTS.WORKSPACE_ID, event.workspaceId())
                .set(CREDIT_USAGE_EVENTS.IDEMPOTENCY_KEY, event.idempotencyKey())
                .set(CREDIT_USAGE_EVENTS.OCCURRED_AT, event.occurredAt())
                .set(CREDIT_USAGE_EVENTS.DAY, day)
                .set(CREDIT_USAGE_EVENTS.CREDITS, event.credits())
                .set(CREDIT_USAGE_EVENTS.RECORDED_BY, recordedBy)
                .onConflictDoNothing()
                .execute();
        long purchased = coalesceBalance(workspace.get().value2());
        if (inserted == 0) {
            var first = db.select(CREDIT_USAGE_EVENTS.DAY, CREDIT_USAGE_EVENTS.CREDITS).from(CREDIT_USAGE_EVENTS)
                    .where(CREDIT_USAGE_EVENTS.WORKSPACE_ID.eq(event.workspaceId()))
                    .and(CREDIT_USAGE_EVENTS.IDEMPOTENCY_KEY.eq(event.idempotencyKey()))
                    .fetchSingle();
            if (!first.value1().equals(day) || first.value2() != event.credits()) {
                throw new KeyConflict(event.idempotencyKey(), first.value2(), first.value1());
            }
            return Optional.of(new Recorded(true, first.value1(), purchased));
        }
        long allowance = monthlyAllowance(event.workspaceId());
        long before = usedInMonth(event.workspaceId(), day);
        db.insertInto(CREDIT_USAGE_DAILY)
                .set(CREDIT_USAGE_DAILY.WORKSPACE_ID, event.workspaceId())
                .set(CREDIT_USAGE_DAILY.DAY, day)
                .set(CREDIT_USAGE_DAILY.CREDITS, event.credits())
                .onConflict(CREDIT_USAGE_DAILY.WORKSPACE_ID, CREDIT_USAGE_DAILY.DAY)
                .doUpdate().set(CREDIT_USAGE_DAILY.CREDITS, CREDIT_USAGE_DAILY.CREDITS.plus(event.credits()))
                .execute();
        // what this event takes beyond the allowance comes out of the purchased credits (never below zero)
        long overflow = Math.max(0, before + event.credits() - allowance) - Math.max(0, before - allowance);
        long remaining = Math.max(0, purchased - overflow);
        db.insertInto(CREDIT_BALANCES)
                .set(CREDIT_BALANCES.WORKSPACE_ID, event.workspaceId())
                .set(CREDIT_BALANCES.PURCHASED_REMAINING, remaining)
                .onConflict(CREDIT_BALANCES.WORKSPACE_ID)
                .doUpdate().set(CREDIT_BALANCES.PURCHASED_REMAINING,
                        greatest(inline(0L), CREDIT_BALANCES.PURCHASED_REMAINING.minus(overflow)))
                .set(CREDIT_BALANCES.UPDATED_AT, clock.instant())
                .execute();
        CreditUsageNotifications.notifyRecorded(db, event.workspaceId());
        return Optional.of(new Recorded(false, day, remaining));
    }

    private long monthlyAllowance(UUID workspaceId) {
        return db.select(PLANS.INCLUDED_MONTHLY_CREDITS.plus(SUBSCRIPTIONS.EXTRA_CREDITS))
                .from(SUBSCRIPTIONS).join(PLANS).on(PLANS.ID.eq(SUBSCRIPTIONS.PLAN_ID))
                .where(SUBSCRIPTIONS.WORKSPACE_ID.eq(workspaceId))
                .and(SUBSCRIPTIONS.STATUS.ne(SubscriptionStatus.CANCELED))
                .fetchOptional(0, Long.class).orElse(0L);
    }

    private long usedInMonth(UUID workspaceId, LocalDate day) {
        BigDecimal used = db.select(coalesce(sum(CREDIT_USAGE_DAILY.CREDITS), BigDecimal.ZERO))
                .from(CREDIT_USAGE_DAILY)
                .where(CREDIT_USAGE_DAILY.WORKSPACE_ID.eq(workspaceId))
                .and(CREDIT_USAGE_DAILY.DAY.between(day.withDayOfMonth(1), day.withDayOfMonth(day.lengthOfMonth())))
                .fetchSingle(0, BigDecimal.class);
        return used.longValueExact();
    }

    private static long coalesceBalance(Long balance) {
        return balance == null ? 0 : balance;
    }
}
