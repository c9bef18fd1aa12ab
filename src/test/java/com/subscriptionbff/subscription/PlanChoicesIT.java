package com.subscriptionbff.subscription;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan-selection page: what choosing each plan would do for the viewer's workspace, and the annual savings. */
class PlanChoicesIT extends IntegrationTest {

    private GraphQlTester.Response choices(String user, UUID workspace) {
        return as(user).document("""
                query($id: ID!) { workspace(id: $id) { planChoices { plan { code } effect reasonCode reason
                  annualSavings { amount } annualSavingsPercent } } }""")
                .variable("id", workspaceId(workspace)).execute();
    }

    private static String effect(GraphQlTester.Response page, String plan) {
        return page.path("workspace.planChoices[?(@.plan.code == '" + plan + "')].effect").entityList(String.class)
                .get().getFirst();
    }

    private static String reason(GraphQlTester.Response page, String plan) {
        return page.path("workspace.planChoices[?(@.plan.code == '" + plan + "')].reasonCode")
                .entityList(String.class).get().getFirst();
    }

    @Test
    void onAMonthlyTeamStarterTheOwnerUpgradesNowAndGoesToFreeByCancelling() {
        var acme = choices(DemoData.OWNER, DemoData.ACME);
        // the catalog in display order (other tests may add plans of their own)
        assertThat(acme.path("workspace.planChoices[*].plan.code").entityList(String.class).get())
                .containsSubsequence("free", "team-starter", "team-pro", "enterprise");
        assertThat(effect(acme, "team-starter")).isEqualTo("CURRENT");
        assertThat(effect(acme, "team-pro")).isEqualTo("UPGRADE_NOW");
        assertThat(effect(acme, "free")).isEqualTo("NOT_AVAILABLE");
        assertThat(reason(acme, "free")).isEqualTo("NOT_ALLOWED");
        // the annual toggle: 12 × 159.00 = 1908.00 against 1590.00 a year
        acme.path("workspace.planChoices[?(@.plan.code == 'team-starter')].annualSavings.amount")
                .entityList(String.class).containsExactly("318.00");
        acme.path("workspace.planChoices[?(@.plan.code == 'team-starter')].annualSavingsPercent")
                .entityList(String.class).containsExactly("16.67");
        acme.path("workspace.planChoices[?(@.plan.code == 'free')].annualSavings").entityList(Object.class)
                .containsExactly((Object) null);
    }

    @Test
    void anAnnualTeamProDowngradesAtThePeriodEndAndACancelledOneChoosesNothingUntilReactivated() {
        assertThat(effect(choices(DemoData.OWNER, DemoData.GLOBEX), "team-starter"))
                .isEqualTo("DOWNGRADE_AT_PERIOD_END");
        var hooli = choices(DemoData.OWNER, DemoData.HOOLI);
        assertThat(effect(hooli, "team-starter")).isEqualTo("NOT_AVAILABLE");
        assertThat(reason(hooli, "team-starter")).isEqualTo("ALREADY_CANCELED");
    }

    @Test
    void onTheFreePlanEveryPaidPlanIsASubscriptionAndAMemberMayChooseNothing() {
        var piper = choices(DemoData.OWNER, DemoData.PIED_PIPER);
        assertThat(effect(piper, "free")).isEqualTo("CURRENT");
        assertThat(effect(piper, "team-starter")).isEqualTo("SUBSCRIBE");
        assertThat(effect(piper, "team-pro")).isEqualTo("SUBSCRIBE");

        var member = choices(DemoData.MEMBER, DemoData.ACME);
        assertThat(effect(member, "team-starter")).isEqualTo("CURRENT");
        assertThat(effect(member, "team-pro")).isEqualTo("NOT_AVAILABLE");
        assertThat(reason(member, "team-pro")).isEqualTo("NOT_ALLOWED");
    }

    @Test
    void thePageCostsTheCatalogsStatementBesideTheOverview() {
        String query = "query($id: ID!) { workspace(id: $id) { subscription { status } %s } }";
        long alone = statementsOf(() -> as(DemoData.OWNER).document(query.formatted(""))
                .variable("id", workspaceId(DemoData.ACME)).execute());
        assertThat(statementsOf(() -> as(DemoData.OWNER)
                .document(query.formatted("planChoices { effect } capabilities { allowed }"))
                .variable("id", workspaceId(DemoData.ACME)).execute().errors().verify())).isEqualTo(alone + 1);
    }

    @Test
    void theComparisonTableGivesEachPlansFeaturesInFrenchOrEnglishInOneStatementForTheCatalog() {
        long before = sqlStatements();
        var table = as(DemoData.OWNER).document("""
                { plans { code features { key name(locale: "fr-FR") value(locale: "fr-FR") included limit unlimited
                  english: name } } }""").execute();
        // the catalog, then the rows of all its plans
        assertThat(sqlStatements() - before).isEqualTo(2);
        String free = "plans[?(@.code == 'free')].features[?(@.key == '%s')].%s";
        table.path(free.formatted("api_access", "name")).entityList(String.class).containsExactly("Accès à l'API");
        table.path(free.formatted("api_access", "english")).entityList(String.class).containsExactly("API access");
        table.path(free.formatted("api_access", "value")).entityList(String.class).containsExactly("Non");
        table.path(free.formatted("api_access", "included")).entityList(Boolean.class).containsExactly(false);
        table.path(free.formatted("chats", "value")).entityList(String.class).containsExactly("Illimités");
        table.path(free.formatted("chats", "unlimited")).entityList(Boolean.class).containsExactly(true);
        table.path(free.formatted("chatbot_flows", "limit")).entityList(Long.class).containsExactly(3L);
        table.path(free.formatted("chatbot_flows", "value")).entityList(String.class).containsExactly("3");
        table.path("plans[?(@.code == 'enterprise')].features[?(@.key == 'priority_support')].value")
                .entityList(String.class).containsExactly("Oui");
        assertThat(table.path("plans[?(@.code == 'team-pro')].features[*].key").entityList(String.class).get())
                .startsWith("chats", "chatbot_flows", "javascript_sdk");
    }
}
