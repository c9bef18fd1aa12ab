package com.subscriptionbff.invoices;

import com.subscriptionbff.db.enums.InvoiceStatus;
import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Billing tab's invoice table. */
class InvoicesIT extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    com.subscriptionbff.common.Cursors cursors;


    private GraphQlTester.Request<?> page(String user, UUID workspace) {
        return as(user).documentName("invoices").variable("id", workspaceId(workspace));
    }

    @Test
    void aCustomerOfFourteenMonthsHasASecondPageOfInvoicesAtTheDefaultSize() {
        var first = page(DemoData.OWNER, DemoData.STARK).execute();
        first.path("workspace.invoices.totalCount").entity(Integer.class).isEqualTo(14);
        first.path("workspace.invoices.edges").entityList(Object.class).hasSize(10);
        first.path("workspace.invoices.edges[0].node.number").entity(String.class).isEqualTo("STARK-0014");
        first.path("workspace.invoices.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String after = first.path("workspace.invoices.pageInfo.endCursor").entity(String.class).get();

        var second = page(DemoData.OWNER, DemoData.STARK).variable("after", after).execute();
        second.path("workspace.invoices.edges[*].node.number").entityList(String.class)
                .containsExactly("STARK-0004", "STARK-0003", "STARK-0002", "STARK-0001");
        second.path("workspace.invoices.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void anAdminSeesTheInvoicesNewestFirstWithTotalStatusAndDownloadLinks() {
        var response = page(DemoData.ADMIN, DemoData.ACME).variable("locale", "fr-FR").execute();
        response.errors().verify();
        response.path("workspace.invoices.totalCount").entity(Integer.class).isEqualTo(6);
        response.path("workspace.invoices.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        response.path("workspace.invoices.edges[*].node.number").entityList(String.class)
                .containsExactly("ACME-0006", "ACME-0005", "ACME-0004", "ACME-0003", "ACME-0002", "ACME-0001");
        response.path("workspace.invoices.edges[0].node.date").entity(String.class).isEqualTo("2026-11-03");
        response.path("workspace.invoices.edges[0].node.total.amount").entity(String.class).isEqualTo("239.00");
        response.path("workspace.invoices.edges[0].node.total.formatted").entity(String.class).isEqualTo("239,00\u00a0€");
        response.path("workspace.invoices.edges[0].node.status").entity(String.class).isEqualTo("PAID");
        response.path("workspace.invoices.edges[0].node.statusLabel").entity(String.class).isEqualTo("Payée");
        response.path("workspace.invoices.edges[0].node.period.start").entity(String.class).isEqualTo("2026-11-03T00:00:00Z");
        response.path("workspace.invoices.edges[0].node.period.end").entity(String.class).isEqualTo("2026-12-03T00:00:00Z");
        response.path("workspace.invoices.edges[0].node.download.pdfUrl").entity(String.class)
                .satisfies(url -> assertThat(url).startsWith("https://pay.stripe.com/invoice/in_").endsWith("/pdf"));
        response.path("workspace.invoices.edges[0].node.download.hostedUrl").entity(String.class)
                .satisfies(url -> assertThat(url).startsWith("https://invoice.stripe.com/i/in_"));
    }

    @Test
    void statusLabelsFollowTheLocaleAndFiltersNarrowTheList() {
        var open = page(DemoData.OWNER, DemoData.UMBRELLA).variable("status", List.of("OPEN")).execute();
        open.path("workspace.invoices.totalCount").entity(Integer.class).isEqualTo(1);
        open.path("workspace.invoices.edges[0].node.statusLabel").entity(String.class).isEqualTo("Pending");
        page(DemoData.OWNER, DemoData.UMBRELLA).variable("status", List.of("OPEN")).variable("locale", "fr-FR").execute()
                .path("workspace.invoices.edges[0].node.statusLabel").entity(String.class).isEqualTo("En attente");
        page(DemoData.OWNER, DemoData.UMBRELLA).variable("status", List.of("PAID", "VOID")).execute()
                .path("workspace.invoices.totalCount").entity(Integer.class).isEqualTo(3);
    }

    @Test
    void aWorkspaceWithoutInvoicesGetsAnEmptyListNotAnError() {
        var response = page(DemoData.OWNER, DemoData.INITECH).execute();
        response.errors().verify();
        response.path("workspace.invoices.totalCount").entity(Integer.class).isEqualTo(0);
        response.path("workspace.invoices.edges").entityList(Object.class).hasSize(0);
        response.path("workspace.invoices.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        response.path("workspace.invoices.pageInfo.endCursor").valueIsNull();
    }

    @Test
    void dateFiltersCountDaysInTheWorkspacesTimeZone() {
        UUID workspace = testData.workspace("Zürich Filter AG", "Europe/Zurich", "invoice-filter-owner");
        // 23:30 UTC on 31 October is already 1 November (00:30) in Zürich
        testData.invoice(workspace, "Z-1", Instant.parse("2026-10-31T23:30:00Z"), 1_000, InvoiceStatus.PAID);
        testData.invoice(workspace, "Z-0", Instant.parse("2026-10-31T22:30:00Z"), 1_000, InvoiceStatus.PAID);
        var november = page("invoice-filter-owner", workspace).variable("from", "2026-11-01").variable("to", "2026-11-30").execute();
        november.path("workspace.invoices.edges[*].node.number").entityList(String.class).containsExactly("Z-1");
        november.path("workspace.invoices.edges[0].node.date").entity(String.class).isEqualTo("2026-11-01");
        page("invoice-filter-owner", workspace).variable("to", "2026-10-31").execute()
                .path("workspace.invoices.edges[*].node.number").entityList(String.class).containsExactly("Z-0");
        assertThat(onlyErrorType(page("invoice-filter-owner", workspace)
                .variable("from", "2026-11-02").variable("to", "2026-11-01").execute())).isEqualTo("BAD_REQUEST");
        assertThat(onlyErrorType(page("invoice-filter-owner", workspace).variable("to", "+999999999-12-31").execute()))
                .isEqualTo("BAD_REQUEST");
        assertThat(onlyErrorType(page("invoice-filter-owner", workspace).variable("from", "+300000-01-01").execute()))
                .isEqualTo("BAD_REQUEST");
        // a malformed scalar never reaches our code: graphql-java refuses the variable as a ValidationError
        assertThat(onlyErrorType(page("invoice-filter-owner", workspace).variable("from", "2026-13-45").execute()))
                .isEqualTo("ValidationError");
    }

    @Test
    void pagingForwardThroughMoreThan30InvoicesReturnsEachOnceInOrderEvenWhenOneIsAddedMeanwhile() {
        UUID workspace = testData.workspace("Paging Corp", "Europe/Paris", "invoice-paging-owner");
        Instant newest = Instant.parse("2026-11-10T12:00:00Z");
        testData.invoices(workspace, 35, newest);
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var response = page("invoice-paging-owner", workspace).variable("after", after).execute();
            assertThat(response.path("workspace.invoices.edges").entityList(Object.class).get()).hasSizeLessThanOrEqualTo(10);
            seen.addAll(response.path("workspace.invoices.edges[*].node.number").entityList(String.class).get());
            if (pages++ == 0) {
                // between two page requests: a new invoice (newest of all) and a late one from the middle of the history
                testData.invoice(workspace, "NEW-NEWEST", newest.plus(Duration.ofDays(1)), 100, InvoiceStatus.OPEN);
                testData.invoice(workspace, "NEW-OLDER", newest.minus(Duration.ofMinutes(20 * 60 + 30)), 100,
                        InvoiceStatus.PAID);
            }
            boolean more = response.path("workspace.invoices.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = more ? response.path("workspace.invoices.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        assertThat(pages).isEqualTo(4);
        List<String> original = seen.stream().filter(n -> n.startsWith("BULK-")).toList();
        assertThat(original).hasSize(35).doesNotHaveDuplicates().isSorted();
        assertThat(seen).doesNotHaveDuplicates().doesNotContain("NEW-NEWEST").contains("NEW-OLDER");
    }

    @Test
    void cursorsOfAnotherWorkspaceOrForgedOnesAreBadRequests() {
        String acmeCursor = page(DemoData.OWNER, DemoData.ACME).variable("first", 1).execute()
                .path("workspace.invoices.pageInfo.endCursor").entity(String.class).get();
        assertThat(onlyErrorType(page(DemoData.OWNER, DemoData.HOOLI).variable("after", acmeCursor).execute()))
                .isEqualTo("BAD_REQUEST");
        // the cursor's own text, edited to another position, under its original signature
        String payload = acmeCursor.substring(0, acmeCursor.indexOf('.'));
        String edited = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("2026", "2027").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + acmeCursor.substring(acmeCursor.indexOf('.'));
        for (String forged : List.of("garbage!", "YzF8aW52b2ljZXM", acmeCursor.substring(0, acmeCursor.length() - 4),
                edited, acmeCursor + "=", payload)) {
            assertThat(onlyErrorType(page(DemoData.OWNER, DemoData.ACME).variable("after", forged).execute()))
                    .as(forged).isEqualTo("BAD_REQUEST");
        }
        assertThat(onlyErrorType(page(DemoData.OWNER, DemoData.ACME).variable("first", 101).execute()))
                .isEqualTo("BAD_REQUEST");
        // well-formed, in this workspace's scope, but a year PostgreSQL cannot store
        String farFuture = cursors.encode("invoices:" + DemoData.ACME,
                "+300000-01-01T00:00:00Z", UUID.randomUUID().toString());
        assertThat(onlyErrorType(page(DemoData.OWNER, DemoData.ACME).variable("after", farFuture).execute()))
                .isEqualTo("BAD_REQUEST");
    }

    @Test
    void aPageOfInvoicesCostsThreeStatements() {
        long before = sqlStatements();
        page(DemoData.OWNER, DemoData.ACME).execute().errors().verify();
        // the workspace with the access check, the page, its count
        assertThat(sqlStatements() - before).isEqualTo(3);
    }

    @Test
    void tenInvoicesWithTheirDetailsCostOneStatementMoreThanWithout() {
        String query = """
                query($id: ID!) { workspace(id: $id) { invoices(first: 10) { edges { node { number
                  lines { description quantity amount { amount } proration period { start end } } } } } } }""";
        long before = sqlStatements();
        var page = as(DemoData.OWNER).document(query).variable("id", workspaceId(DemoData.STARK)).execute();
        page.path("workspace.invoices.edges").entityList(Object.class).hasSize(10);
        // the access check, the page, its count, and the lines of all ten invoices
        assertThat(sqlStatements() - before).isEqualTo(4);
    }
}
