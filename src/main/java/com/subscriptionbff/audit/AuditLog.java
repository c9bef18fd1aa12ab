package com.subscriptionbff.audit;

import com.subscriptionbff.jooq.BatchedPages;
import com.subscriptionbff.common.TimePosition;
import com.subscriptionbff.db.enums.AuditAction;
import com.subscriptionbff.db.enums.CancellationReason;
import org.apache.commons.codec.digest.DigestUtils;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Select;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.AUDIT_ENTRIES;
import static com.subscriptionbff.db.Tables.USERS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

/** The audit trail of subscription changes: written in the transaction of the change, read by owners and admins. */
@Repository
public class AuditLog {

    private static final TypeReference<List<AuditEntry.Change>> CHANGES = new TypeReference<>() {
    };

    private final DSLContext db;
    private final JsonMapper json;

    AuditLog(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Records a change once per idempotency key: a retried mutation does not record it twice. */
    public void record(UUID workspaceId, String actorUserId, Instant at, AuditAction action,
                       List<AuditEntry.Change> changes, CancellationReason reason, String comment,
                       String idempotencyKey, Object request) {
        db.insertInto(AUDIT_ENTRIES)
                .set(AUDIT_ENTRIES.ID, UUID.randomUUID())
                .set(AUDIT_ENTRIES.WORKSPACE_ID, workspaceId)
                .set(AUDIT_ENTRIES.ACTOR_USER_ID, actorUserId)
                .set(AUDIT_ENTRIES.AT, at)
                .set(AUDIT_ENTRIES.ACTION, action)
                .set(AUDIT_ENTRIES.CHANGES, JSONB.valueOf(json.writeValueAsString(changes)))
                .set(AUDIT_ENTRIES.REASON, reason)
                .set(AUDIT_ENTRIES.COMMENT, comment)
                .set(AUDIT_ENTRIES.IDEMPOTENCY_KEY, idempotencyKey)
                .set(AUDIT_ENTRIES.REQUEST_HASH, fingerprint(request))
                .onConflictDoNothing()
                .execute();
    }

    public enum Recorded { NO, SAME_REQUEST, OTHER_REQUEST }

    /**
     * Whether a change with this key went through already: the same request again is a retry (answered as it is),
     * another request under the same key is a client's mistake.
     */
    public Recorded recorded(UUID workspaceId, String idempotencyKey, Object request) {
        return db.select(AUDIT_ENTRIES.REQUEST_HASH).from(AUDIT_ENTRIES)
                .where(AUDIT_ENTRIES.WORKSPACE_ID.eq(workspaceId)).and(AUDIT_ENTRIES.IDEMPOTENCY_KEY.eq(idempotencyKey))
                .fetchOptional(AUDIT_ENTRIES.REQUEST_HASH)
                .map(hash -> hash.equals(fingerprint(request)) ? Recorded.SAME_REQUEST : Recorded.OTHER_REQUEST)
                .orElse(Recorded.NO);
    }

    /**
     * The request's fingerprint: the SHA-256 of its JSON, written by the mapper that writes the changes (every field
     * by name, in declaration order, instants in ISO-8601), so a retry of the same input has the same fingerprint.
     */
    String fingerprint(Object request) {
        return DigestUtils.sha256Hex(json.writeValueAsString(request));
    }

    record PageKey(UUID workspaceId, TimePosition after, int limit) {
    }

    record Page(List<AuditEntry> entries, int totalCount) {
    }

    /** Pages of many workspaces' trails, newest first: one statement for the rows, one for the counts. */
    Map<PageKey, Page> findPages(List<PageKey> keys) {
        var rows = BatchedPages.fetch(db, keys, AuditLog::pageQuery);
        List<UUID> workspaces = keys.stream().map(PageKey::workspaceId).distinct().toList();
        var counts = BatchedPages.fetch(db, workspaces, (batchKey, workspaceId) ->
                select(batchKey, count()).from(AUDIT_ENTRIES).where(AUDIT_ENTRIES.WORKSPACE_ID.eq(workspaceId)));
        Map<PageKey, Page> pages = new HashMap<>();
        rows.forEach((key, records) -> pages.put(key, new Page(records.stream().map(this::entry).toList(),
                counts.get(key.workspaceId()).getFirst().get(1, Integer.class))));
        return pages;
    }

    private static Select<?> pageQuery(org.jooq.Field<Integer> batchKey, PageKey key) {
        Condition seek = key.after() == null
                ? noCondition()
                : row(AUDIT_ENTRIES.AT, AUDIT_ENTRIES.ID).lt(key.after().at(), key.after().id());
        return select(batchKey, BatchedPages.position(AUDIT_ENTRIES.AT.desc(), AUDIT_ENTRIES.ID.desc()))
                .select(AUDIT_ENTRIES.ID, AUDIT_ENTRIES.AT, USERS.DISPLAY_NAME, USERS.EMAIL, AUDIT_ENTRIES.ACTION,
                        AUDIT_ENTRIES.CHANGES, AUDIT_ENTRIES.REASON, AUDIT_ENTRIES.COMMENT)
                .from(AUDIT_ENTRIES)
                .join(USERS).on(USERS.ID.eq(AUDIT_ENTRIES.ACTOR_USER_ID))
                .where(AUDIT_ENTRIES.WORKSPACE_ID.eq(key.workspaceId()))
                .and(seek)
                .orderBy(AUDIT_ENTRIES.AT.desc(), AUDIT_ENTRIES.ID.desc())
                .limit(key.limit());
    }

    private AuditEntry entry(Record r) {
        return new AuditEntry(r.get(AUDIT_ENTRIES.ID), r.get(AUDIT_ENTRIES.AT),
                new AuditEntry.Actor(r.get(USERS.DISPLAY_NAME), r.get(USERS.EMAIL)), r.get(AUDIT_ENTRIES.ACTION),
                json.readValue(r.get(AUDIT_ENTRIES.CHANGES).data(), CHANGES), r.get(AUDIT_ENTRIES.REASON),
                r.get(AUDIT_ENTRIES.COMMENT));
    }
}
