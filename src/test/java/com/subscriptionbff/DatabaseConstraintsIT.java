package com.subscriptionbff;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

import java.util.UUID;

import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static com.subscriptionbff.db.Tables.WORKSPACES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bug in Java must not be able to store an impossible workspace or subscription. */
class DatabaseConstraintsIT extends IntegrationTest {

    @Autowired
    DSLContext db;

    @Test
    void anUnknownTimeZoneIsRefused() {
        assertThatThrownBy(() -> db.insertInto(WORKSPACES).set(WORKSPACES.ID, UUID.randomUUID())
                .set(WORKSPACES.NAME, "Mars Base").set(WORKSPACES.TIME_ZONE, "Mars/Olympus_Mons").execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("unknown time zone");
    }

    @Test
    void addOnsAndIntervalMustFitThePlan() {
        var acme = SUBSCRIPTIONS.WORKSPACE_ID.eq(DemoData.ACME);
        assertThatThrownBy(() -> db.update(SUBSCRIPTIONS).set(SUBSCRIPTIONS.EXTRA_SEATS, 41).where(acme).execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("at most 40 extra seats");
        assertThatThrownBy(() -> db.update(SUBSCRIPTIONS).set(SUBSCRIPTIONS.EXTRA_CREDITS, 1_500_000L).where(acme).execute())
                .isInstanceOf(DataAccessException.class);
        var piedPiper = SUBSCRIPTIONS.WORKSPACE_ID.eq(DemoData.PIED_PIPER);
        assertThatThrownBy(() -> db.update(SUBSCRIPTIONS)
                .set(SUBSCRIPTIONS.BILLING_INTERVAL, com.subscriptionbff.db.enums.BillingInterval.YEAR)
                .where(piedPiper).execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("not sold annually");
        assertThat(db.fetchValue(SUBSCRIPTIONS.EXTRA_SEATS, acme)).isEqualTo(2);
    }

    @Test
    void aWorkspaceWithoutSubscriptionHasNobodyOverTheLimit() {
        UUID workspace = testData.workspace("No Subscription Yet", "UTC", "no-subscription-owner");
        var seats = as("no-subscription-owner").document("""
                query($id: ID!) { workspace(id: $id) { subscription { id } seats { used total overLimit membersOverLimit
                  holders { edges { node { deactivatedAtRenewal } } } } } }""")
                .variable("id", workspaceId(workspace)).execute();
        seats.path("workspace.subscription").valueIsNull();
        seats.path("workspace.seats.used").entity(Integer.class).isEqualTo(1);
        seats.path("workspace.seats.total").entity(Integer.class).isEqualTo(0);
        seats.path("workspace.seats.overLimit").entity(Boolean.class).isEqualTo(false);
        seats.path("workspace.seats.membersOverLimit").entity(Integer.class).isEqualTo(0);
        seats.path("workspace.seats.holders.edges[0].node.deactivatedAtRenewal").entity(Boolean.class).isEqualTo(false);
    }
}
