package com.subscriptionbff.onboarding;

import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.db.enums.MemberRole;
import org.jooq.DSLContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.MEMBERS;
import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static com.subscriptionbff.db.Tables.USERS;
import static com.subscriptionbff.db.Tables.WORKSPACES;
import static com.subscriptionbff.db.Tables.WORKSPACE_ANNOUNCEMENTS;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.selectOne;

/** The rows of an announced workspace: the workspace, its owner and membership, the announcement, its progress. */
@Repository
class AnnouncementRepository {

    /** What is stored so far: the Stripe customer (null before it exists) and whether the subscription is written. */
    record Progress(String customerId, boolean subscribed) {
    }

    private final DSLContext db;

    AnnouncementRepository(DSLContext db) {
        this.db = db;
    }

    /** The Stripe monthly price of the catalog's plan of that code; empty when there is no such plan or price. */
    Optional<String> monthlyPriceOf(String planCode) {
        return db.select(PLANS.STRIPE_MONTHLY_PRICE_ID).from(PLANS).where(PLANS.CODE.eq(planCode))
                .fetchOptional(PLANS.STRIPE_MONTHLY_PRICE_ID).filter(Objects::nonNull);
    }

    /**
     * Stores a first announcement (workspace, owner's user unless it exists, OWNER membership, fingerprint), or finds
     * the same one again and answers how far it got; another announcement of that id is a conflict, nothing changes.
     */
    @Transactional
    Progress store(Announcement announcement, String fingerprint, String announcedBy, Instant at) {
        UUID id = announcement.workspaceId();
        int inserted;
        try {
            inserted = db.insertInto(WORKSPACES)
                    .set(WORKSPACES.ID, id)
                    .set(WORKSPACES.NAME, announcement.name())
                    .set(WORKSPACES.TIME_ZONE, announcement.timeZone())
                    .set(WORKSPACES.CREATED_AT, at)
                    .onConflictDoNothing()
                    .execute();
        } catch (DataIntegrityViolationException e) {
            // the zone is one Java knows and PostgreSQL does not (see the trigger of V1)
            throw AnnouncementRefusal.invalid("timeZone", "timeZone \"" + announcement.timeZone()
                    + "\" is not known to the database; use an IANA zone such as Europe/Paris");
        }
        if (inserted == 0) {
            return existing(id, fingerprint);
        }
        Announcement.Owner owner = announcement.owner();
        boolean emailTaken = db.fetchExists(selectOne().from(USERS)
                .where(USERS.EMAIL.eq(owner.email())).and(USERS.ID.ne(owner.userId())));
        if (emailTaken) {
            throw AnnouncementRefusal.conflict("owner.email", "owner.email is the email of another user; nothing was "
                    + "changed");
        }
        try {
            db.insertInto(USERS)
                    .set(USERS.ID, owner.userId())
                    .set(USERS.EMAIL, owner.email())
                    .set(USERS.DISPLAY_NAME, owner.displayName())
                    .set(USERS.CREATED_AT, at)
                    .onConflict(USERS.ID).doNothing()
                    .execute();
        } catch (DuplicateKeyException e) {
            throw AnnouncementRefusal.conflict("owner.email", "owner.email is the email of another user; nothing was "
                    + "changed");
        }
        db.insertInto(MEMBERS)
                .set(MEMBERS.ID, UUID.randomUUID())
                .set(MEMBERS.WORKSPACE_ID, id)
                .set(MEMBERS.USER_ID, owner.userId())
                .set(MEMBERS.ROLE, MemberRole.OWNER)
                .set(MEMBERS.JOINED_AT, at)
                .execute();
        db.insertInto(WORKSPACE_ANNOUNCEMENTS)
                .set(WORKSPACE_ANNOUNCEMENTS.WORKSPACE_ID, id)
                .set(WORKSPACE_ANNOUNCEMENTS.REQUEST_HASH, fingerprint)
                .set(WORKSPACE_ANNOUNCEMENTS.ANNOUNCED_BY, announcedBy)
                .set(WORKSPACE_ANNOUNCEMENTS.ANNOUNCED_AT, at)
                .execute();
        return new Progress(null, false);
    }

    private Progress existing(UUID id, String fingerprint) {
        var row = db.select(WORKSPACE_ANNOUNCEMENTS.REQUEST_HASH, WORKSPACES.STRIPE_CUSTOMER_ID,
                        field(exists(selectOne().from(SUBSCRIPTIONS).where(SUBSCRIPTIONS.WORKSPACE_ID.eq(id)))))
                .from(WORKSPACES)
                .leftJoin(WORKSPACE_ANNOUNCEMENTS).on(WORKSPACE_ANNOUNCEMENTS.WORKSPACE_ID.eq(WORKSPACES.ID))
                .where(WORKSPACES.ID.eq(id))
                .fetchSingle();
        if (row.value1() == null) {
            throw AnnouncementRefusal.conflict("workspaceId", "a workspace with this workspaceId already exists and "
                    + "was not announced; nothing was changed");
        }
        if (!row.value1().equals(fingerprint)) {
            throw AnnouncementRefusal.conflict("workspaceId", "this workspaceId was already announced with another "
                    + "name, time zone or owner; an announcement may only be repeated as it was. Nothing was changed");
        }
        return new Progress(row.value2(), row.value3());
    }

    /** The answer: the workspace's subscription as the read model holds it now. */
    Announced announced(UUID workspaceId) {
        return db.select(SUBSCRIPTIONS.STATUS, SUBSCRIPTIONS.TRIAL_END).from(SUBSCRIPTIONS)
                .where(SUBSCRIPTIONS.WORKSPACE_ID.eq(workspaceId))
                .fetchSingle(r -> new Announced(workspaceId.toString(), GlobalId.of("Workspace", workspaceId),
                        r.value1().getLiteral(), r.value2()));
    }
}
