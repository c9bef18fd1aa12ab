package com.subscriptionbff.seats;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record7;
import org.jooq.Select;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
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

    Map<UUID, SeatUsage> findUsage(Collection<UUID> workspaceIds) {
        Field<Integer> activeMembers = field(selectCount().from(MEMBERS)
                .where(MEMBERS.WORKSPACE_ID.eq(WORKSPACES.ID).and(MEMBERS.DEACTIVATED_AT.isNull())));
        return db.select(row(WORKSPACES.ID, activeMembers, coalesce(PLANS.INCLUDED_SEATS, 0),
                                coalesce(SUBSCRIPTIONS.EXTRA_SEATS, 0))
                        .mapping(SeatUsage::new))
                .from(WORKSPACES)
                .leftJoin(SUBSCRIPTIONS).on(SUBSCRIPTIONS.WORKSPACE_ID.eq(WORKSPACES.ID))
                .leftJoin(PLANS).on(PLANS.ID.eq(SUBSCRIPTIONS.PLAN_ID))
                .where(WORKSPACES.ID.in(workspaceIds))
                .fetch(Record1::value1)
                .stream()
                .collect(Collectors.toMap(SeatUsage::workspaceId, Function.identity()));
    }

    /**
     * Pages of seat holders for many workspaces in one statement (a UNION ALL of one keyset query per page).
     * A member ranked beyond the seats paid for is among the most recently added: deactivated at renewal.
     */
    Map<HolderPageKey, List<Seat>> findHolders(Collection<HolderPageKey> keys) {
        List<HolderPageKey> ordered = new ArrayList<>(keys);
        Select<Record7<Integer, UUID, String, String, com.subscriptionbff.db.enums.MemberRole, Instant, Integer>> union = null;
        for (int index = 0; index < ordered.size(); index++) {
            var page = pageQuery(index, ordered.get(index));
            union = union == null ? page : union.unionAll(page);
        }
        Map<HolderPageKey, List<Seat>> result = new HashMap<>();
        ordered.forEach(key -> result.put(key, new ArrayList<>()));
        for (var r : db.fetch(union)) {
            HolderPageKey key = ordered.get(r.value1());
            result.get(key).add(new Seat(r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                    r.value7() > key.seats()));
        }
        return result;
    }

    private org.jooq.SelectLimitPercentStep<Record7<Integer, UUID, String, String, com.subscriptionbff.db.enums.MemberRole, Instant, Integer>> pageQuery(
            int index, HolderPageKey key) {
        Field<Integer> rank = rowNumber().over().orderBy(MEMBERS.JOINED_AT, MEMBERS.ID).as("seat_rank");
        Table<?> ranked = select(MEMBERS.ID, USERS.DISPLAY_NAME, USERS.EMAIL, MEMBERS.ROLE, MEMBERS.JOINED_AT, rank)
                .from(MEMBERS)
                .join(USERS).on(USERS.ID.eq(MEMBERS.USER_ID))
                .where(MEMBERS.WORKSPACE_ID.eq(key.workspaceId()).and(MEMBERS.DEACTIVATED_AT.isNull()))
                .asTable("ranked_" + index);
        Field<UUID> id = ranked.field(MEMBERS.ID);
        Field<Instant> joinedAt = ranked.field(MEMBERS.JOINED_AT);
        Condition seek = key.afterJoinedAt() == null
                ? noCondition()
                : row(joinedAt, id).gt(key.afterJoinedAt(), key.afterMemberId());
        return select(inline(index), id, ranked.field(USERS.DISPLAY_NAME), ranked.field(USERS.EMAIL),
                ranked.field(MEMBERS.ROLE), joinedAt, ranked.field(rank))
                .from(ranked)
                .where(seek)
                .orderBy(joinedAt, id)
                .limit(key.limit());
    }

    /** One page of one workspace's seat holders: after (joinedAt, memberId), `limit` rows. */
    record HolderPageKey(UUID workspaceId, int seats, Instant afterJoinedAt, UUID afterMemberId, int limit) {
    }
}
