package com.subscriptionbff.seats;

import com.subscriptionbff.jooq.BatchedPages;
import com.subscriptionbff.common.TimePosition;
import com.subscriptionbff.db.enums.DeactivationReason;
import com.subscriptionbff.db.enums.MemberRole;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.MEMBERS;
import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static com.subscriptionbff.db.Tables.USERS;
import static com.subscriptionbff.db.Tables.WORKSPACES;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

@Repository
class SeatRepository {

    private final DSLContext db;

    SeatRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Pages of seat holders for many workspaces in one statement. A member ranked beyond the seats paid for is among
     * the most recently added: deactivated at renewal.
     */
    Map<HolderPageKey, List<Seat>> findHolders(List<HolderPageKey> keys) {
        Map<HolderPageKey, List<Seat>> result = new HashMap<>();
        BatchedPages.fetch(db, keys, SeatRepository::pageQuery).forEach((key, rows) -> result.put(key, rows.stream()
                .map(r -> new Seat(r.get(2, UUID.class), r.get(3, String.class), r.get(4, String.class),
                        r.get(5, MemberRole.class), r.get(6, Instant.class),
                        key.renews() && r.get(7, Integer.class) > key.seats()))
                .toList()));
        return result;
    }

    private static Select<?> pageQuery(Field<Integer> batchKey, HolderPageKey key) {
        Field<Integer> rank = rowNumber().over().orderBy(MEMBERS.JOINED_AT, MEMBERS.ID).as("seat_rank");
        Table<?> ranked = select(MEMBERS.ID, USERS.DISPLAY_NAME, USERS.EMAIL, MEMBERS.ROLE, MEMBERS.JOINED_AT, rank)
                .from(MEMBERS)
                .join(USERS).on(USERS.ID.eq(MEMBERS.USER_ID))
                .where(MEMBERS.WORKSPACE_ID.eq(key.workspaceId())
                        .and(MEMBERS.DEACTIVATED_AT.isNull()))
                .asTable("ranked");
        Field<UUID> id = ranked.field(MEMBERS.ID);
        Field<Instant> joinedAt = ranked.field(MEMBERS.JOINED_AT);
        Condition seek = key.after() == null ? noCondition() : row(joinedAt, id).gt(key.after().at(), key.after().id());
        return select(batchKey, BatchedPages.position(joinedAt, id), id, ranked.field(USERS.DISPLAY_NAME),
                ranked.field(USERS.EMAIL),
                ranked.field(MEMBERS.ROLE), joinedAt, ranked.field(rank))
                .from(ranked)
                .where(seek)
                .orderBy(joinedAt, id)
                .limit(key.limit());
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
