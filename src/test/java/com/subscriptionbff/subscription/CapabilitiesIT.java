package com.subscriptionbff.subscription;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's buttons as the viewer may use them, with the reason shown on a disabled one. */
class CapabilitiesIT extends IntegrationTest {

    private GraphQlTester.Response capabilities(String user, UUID workspace) {
        return as(user).document("""
                query($id: ID!) { workspace(id: $id) {
                  capabilities { action allowed reasonCode reason } } }""")
                .variable("id", workspaceId(workspace)).execute();
    }

    private static String reasonOf(GraphQlTester.Response response, String action) {
        var codes = response.path("workspace.capabilities[?(@.action == '" + action + "')].reasonCode")
                .entityList(String.class).get();
        return codes.isEmpty() ? null : codes.getFirst();
    }

    private static boolean allowed(GraphQlTester.Response response, String action) {
        return response.path("workspace.capabilities[?(@.action == '" + action + "')].allowed")
                .entityList(Boolean.class).get().getFirst();
    }

    @Test
    void anOwnerOfAMonthlySubscriptionMayDoEverythingButReactivateAndSubscribe() {
        var acme = capabilities(DemoData.OWNER, DemoData.ACME);
        acme.path("workspace.capabilities[*].action").entityList(String.class).hasSize(9);
        for (String action : new String[] {"CUSTOMIZE_PLAN", "SWITCH_TO_ANNUAL_BILLING", "CHANGE_PLAN", "CANCEL",
                "UPDATE_PAYMENT_METHOD", "BUY_CREDITS", "EXPORT"}) {
            assertThat(allowed(acme, action)).as(action).isTrue();
        }
        assertThat(reasonOf(acme, "REACTIVATE")).isEqualTo("NOT_CANCELED");
        assertThat(reasonOf(acme, "SUBSCRIBE")).isEqualTo("ALREADY_SUBSCRIBED");
    }

    @Test
    void aMemberSeesEveryButtonDisabledBecauseOnlyManagersManageBillingButMayExport() {
        var member = capabilities(DemoData.MEMBER, DemoData.ACME);
        assertThat(reasonOf(member, "CANCEL")).isEqualTo("NOT_ALLOWED");
        assertThat(reasonOf(member, "BUY_CREDITS")).isEqualTo("NOT_ALLOWED");
        assertThat(allowed(member, "EXPORT")).isTrue();
    }

    @Test
    void eachStateDisablesItsOwnButtons() {
        // annual already
        assertThat(reasonOf(capabilities(DemoData.OWNER, DemoData.GLOBEX), "SWITCH_TO_ANNUAL_BILLING"))
                .isEqualTo("NOT_ELIGIBLE");
        // cancelled at the period end: reactivate, not cancel again nor change plan
        var hooli = capabilities(DemoData.OWNER, DemoData.HOOLI);
        assertThat(allowed(hooli, "REACTIVATE")).isTrue();
        assertThat(reasonOf(hooli, "CANCEL")).isEqualTo("ALREADY_CANCELED");
        assertThat(reasonOf(hooli, "CHANGE_PLAN")).isEqualTo("ALREADY_CANCELED");
        // the Free plan: subscribing is the way
        var piper = capabilities(DemoData.OWNER, DemoData.PIED_PIPER);
        assertThat(allowed(piper, "SUBSCRIBE")).isTrue();
        assertThat(reasonOf(piper, "CUSTOMIZE_PLAN")).isEqualTo("NO_SUBSCRIPTION");
        assertThat(reasonOf(piper, "CANCEL")).isEqualTo("NO_SUBSCRIPTION");
    }

    @Test
    void theButtonsCostNoStatementBesideTheOverview() {
        String overview = "query($id: ID!) { workspace(id: $id) { subscription { status } %s } }";
        long alone = statementsOf(() -> as(DemoData.OWNER).document(overview.formatted(""))
                .variable("id", workspaceId(DemoData.ACME)).execute());
        assertThat(statementsOf(() -> as(DemoData.OWNER)
                .document(overview.formatted("capabilities { action allowed reasonCode }"))
                .variable("id", workspaceId(DemoData.ACME)).execute().errors().verify())).isEqualTo(alone);
    }
}
