package com.subscriptionbff.workspace;

import com.subscriptionbff.db.enums.MemberRole;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Records;
import org.jooq.SelectSelectStep;
import org.springframework.stereotype.Repository;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.MEMBERS;
import static com.subscriptionbff.db.Tables.USERS;
import static com.subscriptionbff.db.Tables.WORKSPACES;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.val;

@Repository
class WorkspaceRepository {

    private final DSLContext db;

    WorkspaceRepository(DSLContext db) {
        this.db = db;
    }

    Optional<Viewer> findViewer(String userId) {
        return db.select(row(USERS.ID, USERS.EMAIL, USERS.DISPLAY_NAME, USERS.STAFF).mapping(Viewer::new))
                .from(USERS)
                .where(USERS.ID.eq(userId))
                .fetchOptional(record -> record.value1());
    }

    /**
     * The workspace if the user is an active member of it, or staff; one statement for the access check and the
     * workspace both.
     */
    Optional<Workspace> findReadable(String userId, UUID workspaceId) {
        return db.fetchOptional(selectWorkspace(MEMBERS.ROLE)
                        .from(WORKSPACES)
                        .join(USERS).on(USERS.ID.eq(userId))
                        .leftJoin(MEMBERS).on(MEMBERS.WORKSPACE_ID.eq(WORKSPACES.ID)
                                .and(MEMBERS.USER_ID.eq(USERS.ID))
                                .and(MEMBERS.DEACTIVATED_AT.isNull()))
                        .where(WORKSPACES.ID.eq(workspaceId))
                        .and(MEMBERS.ID.isNotNull().or(USERS.STAFF)))
                .map(Records.mapping(WorkspaceRepository::workspace));
    }

    List<Workspace> findByActiveMember(String userId) {
        return db.fetch(selectWorkspace(MEMBERS.ROLE)
                        .from(WORKSPACES)
                        .join(MEMBERS).on(MEMBERS.WORKSPACE_ID.eq(WORKSPACES.ID))
                        .where(MEMBERS.USER_ID.eq(userId).and(MEMBERS.DEACTIVATED_AT.isNull()))
                        .orderBy(lower(WORKSPACES.NAME), WORKSPACES.ID))
                .map(Records.mapping(WorkspaceRepository::workspace));
    }

    /** Staff listing: keyset on (lower(name), id), which the index workspaces_by_name serves. */
    List<Workspace> findPage(String namePrefix, WorkspacePosition after, int limit) {
        Condition seek = after == null
                ? noCondition()
                : row(lower(WORKSPACES.NAME), WORKSPACES.ID).gt(row(lower(val(after.name())), val(after.id())));
        return db.fetch(selectWorkspace(inline((MemberRole) null, MEMBERS.ROLE))
                        .from(WORKSPACES)
                        .where(nameStartsWith(namePrefix))
                        .and(seek)
                        .orderBy(lower(WORKSPACES.NAME), WORKSPACES.ID)
                        .limit(limit))
                .map(Records.mapping(WorkspaceRepository::workspace));
    }

    int count(String namePrefix) {
        return db.fetchCount(WORKSPACES, nameStartsWith(namePrefix));
    }

    private static Condition nameStartsWith(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return trueCondition();
        }
        if (prefix.length() > 200) {
            return falseCondition();
        }
        return lower(WORKSPACES.NAME).startsWith(lower(val(prefix)));
    }

    /** A workspace's columns as plain columns: a nested row would come back as text for jOOQ to parse. */
    private static SelectSelectStep<Record4<UUID, String, String, MemberRole>> selectWorkspace(Field<MemberRole> role) {
        return select(WORKSPACES.ID, WORKSPACES.NAME, WORKSPACES.TIME_ZONE, role);
    }

    private static Workspace workspace(UUID id, String name, String zone, MemberRole viewerRole) {
        return new Workspace(id, name, ZoneId.of(zone), viewerRole);
    }

    record WorkspacePosition(String name, UUID id) {
    }
}
