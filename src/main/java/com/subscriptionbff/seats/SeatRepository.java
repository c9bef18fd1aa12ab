package com.subscriptionbff.seats;

import com.subscriptionbff.common.BatchedPages;
import com.subscriptionbff.common.RenderedQuery;
import com.subscriptionbff.common.TimePosition;
import com.subscriptionbff.db.enums.DeactivationReason;
import com.subscriptionbff.db.enums.MemberRole;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record5;
import org.jooq.Records;
import org.jooq.Select;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.subscriptionbff.db.Tables.MEMBERS;
import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static com.subscriptionbff.db.Tables.USERS;
import static com.subscriptionbff.db.Tables.WORKSPACES;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

@Repository
class SeatRepository {

    // the first page has no position to start after: it starts after every member
    private static final Field<Instant> BEFORE_EVERY_MEMBER = field("'-infinity'::timestamptz", Instant.class);

    private final DSLContext db;
    private final RenderedQuery.PerBatchSize<Record5<UUID, Integer, Integer, Integer, Boolean>> usage;
    private final RenderedQuery.PerBatchSize<Record> holderPages;

    SeatRepository(DSLContext db) {
        this.db = db;
        this.holderPages = BatchedPages.rendered(db, SeatRepository::pageQuery);
        Field<Integer> activeMembers = field(selectCount().from(MEMBERS)
                .where(MEMBERS.WORKSPACE_ID.eq(WORKSPACES.ID).and(MEMBERS.DEACTIVATED_AT.isNull())));
        Field<Boolean> renews = SUBSCRIPTIONS.ID.isNotNull().and(SUBSCRIPTIONS.STATUS.ne(SubscriptionStatus.CANCELED));
        this.usage = RenderedQuery.perBatchSize(db, size -> select(WORKSPACES.ID, activeMembers,
                        coalesce(PLANS.INCLUDED_SEATS, 0), coalesce(SUBSCRIPTIONS.EXTRA_SEATS, 0), field(renews))
                .from(WORKSPACES)
                .leftJoin(SUBSCRIPTIONS).on(SUBSCRIPTIONS.WORKSPACE_ID.eq(WORKSPACES.ID))
                .leftJoin(PLANS).on(PLANS.ID.eq(SUBSCRIPTIONS.PLAN_ID))
                .where(WORKSPACES.ID.in(RenderedQuery.params("workspaceId", UUID.class, size))));
    }

    Map<UUID, SeatUsage> findUsage(Collection<UUID> workspaceIds) {
        return usage.fetchIn("workspaceId", workspaceIds).stream()
                .map(Records.mapping(SeatUsage::new))
                .collect(Collectors.toMap(SeatUsage::workspaceId, Function.identity()));
    }

    /**
     * Pages of seat holders for many workspaces in one statement. A member ranked beyond the seats paid for is among
     * the most recently added: deactivated at renewal.
     */
    Map<HolderPageKey, List<Seat>> findHolders(List<HolderPageKey> keys) {
        Map<String, Object> values = RenderedQuery.valuesPerKey(keys, (key, row) -> {
            row.put("workspaceId", key.workspaceId());
            row.put("afterJoinedAt", key.after() == null ? null : key.after().at());
            row.put("afterMemberId", key.after() == null ? null : key.after().id());
            row.put("limit", key.limit());
        });
        Map<HolderPageKey, List<Seat>> result = new HashMap<>();
        BatchedPages.fetch(db, holderPages, keys, values).forEach((key, rows) -> result.put(key, rows.stream()
                .map(r -> new Seat(r.get(2, UUID.class), r.get(3, String.class), r.get(4, String.class),
                        r.get(5, MemberRole.class), r.get(6, Instant.class),
                        key.renews() && r.get(7, Integer.class) > key.seats()))
                .toList()));
        return result;
    }

    private static Select<?> pageQuery(Field<Integer> batchKey, int index) {
        Field<Integer> rank = rowNumber().over().orderBy(MEMBERS.JOINED_AT, MEMBERS.ID).as("seat_rank");
        Table<?> ranked = select(MEMBERS.ID, USERS.DISPLAY_NAME, USERS.EMAIL, MEMBERS.ROLE, MEMBERS.JOINED_AT, rank)
                .from(MEMBERS)
                .join(USERS).on(USERS.ID.eq(MEMBERS.USER_ID))
                .where(MEMBERS.WORKSPACE_ID.eq(param("workspaceId" + index, UUID.class))
                        .and(MEMBERS.DEACTIVATED_AT.isNull()))
                .asTable("ranked");
        Field<UUID> id = ranked.field(MEMBERS.ID);
        Field<Instant> joinedAt = ranked.field(MEMBERS.JOINED_AT);
        Condition seek = row(joinedAt, id).gt(
                coalesce(param("afterJoinedAt" + index, Instant.class), BEFORE_EVERY_MEMBER),
                coalesce(param("afterMemberId" + index, UUID.class), inline(new UUID(0, 0))));
        return select(batchKey, BatchedPages.position(joinedAt, id), id, ranked.field(USERS.DISPLAY_NAME),
                ranked.field(USERS.EMAIL),
                ranked.field(MEMBERS.ROLE), joinedAt, ranked.field(rank))
                .from(ranked)
                .where(seek)
                .orderBy(joinedAt, id)
                .limit(param("limit" + index, Integer.class));
    }

    /** The latest members deactivated by the seat limit, for many workspaces in one statement. */
    Map<DeactivationsKey, List<DeactivatedSeat>> findDeactivations(List<DeactivationsKey> keys) {
        Map<DeactivationsKey, List<DeactivatedSeat>> result = new HashMap<>();
        BatchedPages.fetch(db, keys, (batchKey, key) -> select(batchKey,
                        BatchedPages.position(MEMBERS.DEACTIVATED_AT.desc(), MEMBERS.ID.desc()),
                        MEMBERS.ID, USERS.DISPLAY_NAME, USERS.EMAIL, MEMBERS.DEACTIVATED_AT)
                        .from(MEMBERS).join(USERS).on(USERS.ID.eq(MEMBERS.USER_ID))
                        .where(MEMBERS.WORKSPACE_ID.eq(key.workspaceId()))
                        .and(MEMBERS.DEACTIVATION_REASON.eq(DeactivationReason.SEAT_LIMIT_AT_RENEWAL))
                        .orderBy(MEMBERS.DEACTIVATED_AT.desc(), MEMBERS.ID.desc())
                        .limit(key.limit()))
                .forEach((key, rows) -> result.put(key, rows.stream()
                        .map(r -> new DeactivatedSeat(r.get(MEMBERS.ID), r.get(USERS.DISPLAY_NAME), r.get(USERS.EMAIL),
                                r.get(MEMBERS.DEACTIVATED_AT)))
                        .toList()));
        return result;
    }

    record DeactivationsKey(UUID workspaceId, int limit) {
    }

    /** One page of one workspace's seat holders: after (joinedAt, memberId), `limit` rows. */
    record HolderPageKey(UUID workspaceId, int seats, boolean renews, TimePosition after, int limit) {
    }
}
