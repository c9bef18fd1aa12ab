package com.subscriptionbff.credits;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Billing tab's credit purchase history. */
class CreditPurchasesIT extends IntegrationTest {


    @Test
    void aWorkspaceThatTopsUpEveryMonthHasASecondPageOfPurchasesAtTheDefaultSize() {
        var first = as(DemoData.OWNER).documentName("creditPurchases").variable("id", workspaceId(DemoData.STARK))
                .execute();
        first.path("workspace.creditPurchases.totalCount").entity(Integer.class).isEqualTo(12);
        first.path("workspace.creditPurchases.edges").entityList(Object.class).hasSize(10);
        first.path("workspace.creditPurchases.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String after = first.path("workspace.creditPurchases.pageInfo.endCursor").entity(String.class).get();

        var second = as(DemoData.OWNER).documentName("creditPurchases").variable("id", workspaceId(DemoData.STARK))
                .variable("after", after).execute();
        second.path("workspace.creditPurchases.edges").entityList(Object.class).hasSize(2);
        second.path("workspace.creditPurchases.edges[*].node.credits").entityList(Long.class)
                .containsExactly(1_000_000L, 1_000_000L);
        second.path("workspace.creditPurchases.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void aMemberSeesPurchasesNewestFirstWithFreeGrantsAtZero() {
        var response = as(DemoData.MEMBER).documentName("creditPurchases").variable("locale", "fr-FR").variable("id", workspaceId(DemoData.ACME)).execute();
        response.errors().verify();
        response.path("workspace.creditPurchases.totalCount").entity(Integer.class).isEqualTo(2);
        response.path("workspace.creditPurchases.edges[0].node.credits").entity(Long.class).isEqualTo(2_000_000L);
        response.path("workspace.creditPurchases.edges[0].node.amount.amount").entity(String.class).isEqualTo("20.00");
        response.path("workspace.creditPurchases.edges[0].node.amount.formatted").entity(String.class).isEqualTo("20,00\u00a0€");
        response.path("workspace.creditPurchases.edges[0].node.source").entity(String.class).isEqualTo("PURCHASE");
        response.path("workspace.creditPurchases.edges[0].node.sourceLabel").entity(String.class).isEqualTo("Achat");
        response.path("workspace.creditPurchases.edges[0].node.date").entity(String.class).isEqualTo("2026-10-02");
        response.path("workspace.creditPurchases.edges[1].node.credits").entity(Long.class).isEqualTo(1_000_000L);
        response.path("workspace.creditPurchases.edges[1].node.amount.amount").entity(String.class).isEqualTo("0.00");
        response.path("workspace.creditPurchases.edges[1].node.source").entity(String.class).isEqualTo("FREE_GRANT");
        response.path("workspace.creditPurchases.edges[1].node.sourceLabel").entity(String.class).isEqualTo("Crédits offerts");
    }

    @Test
    void pagesFollowOneAnotherAndAForeignCursorIsRefused() {
        var first = as(DemoData.OWNER).documentName("creditPurchases").variable("locale", "fr-FR").variable("id", workspaceId(DemoData.ACME)).variable("first", 1).execute();
        first.path("workspace.creditPurchases.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("workspace.creditPurchases.pageInfo.endCursor").entity(String.class).get();
        var second = as(DemoData.OWNER).documentName("creditPurchases").variable("locale", "fr-FR").variable("id", workspaceId(DemoData.ACME)).variable("first", 1)
                .variable("after", cursor).execute();
        second.path("workspace.creditPurchases.edges[0].node.source").entity(String.class).isEqualTo("FREE_GRANT");
        second.path("workspace.creditPurchases.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        assertThat(onlyErrorType(as(DemoData.OWNER).documentName("creditPurchases").variable("locale", "fr-FR").variable("id", workspaceId(DemoData.HOOLI))
                .variable("after", cursor).execute())).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aWorkspaceThatNeverBoughtCreditsHasAnEmptyHistory() {
        var response = as(DemoData.OWNER).documentName("creditPurchases").variable("locale", "fr-FR").variable("id", workspaceId(DemoData.GLOBEX)).execute();
        response.errors().verify();
        response.path("workspace.creditPurchases.totalCount").entity(Integer.class).isEqualTo(0);
        response.path("workspace.creditPurchases.edges").entityList(Object.class).hasSize(0);
    }
}
