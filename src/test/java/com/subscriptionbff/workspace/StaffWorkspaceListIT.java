package com.subscriptionbff.workspace;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Internal tooling lists every workspace with its subscription, plan, seats and credits, page by page. */
class StaffWorkspaceListIT extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.jooq.DSLContext db;


    private long statementsFor(int pageSize) {
        return statementsOf(() -> as(DemoData.STAFF).documentName("staffWorkspaces").variable("first", pageSize)
                .execute().errors().verify()
                .path("workspaces.edges").entityList(Object.class).hasSize(pageSize));
    }

    @Test
    void aPageOf100CostsAsManyStatementsAsAPageOf10() {
        long ten = statementsFor(10);
        long hundred = statementsFor(100);
        assertThat(hundred).isEqualTo(ten);
        // viewer check, page, count, and one statement for every workspace's subscription, card, seats and credits
        assertThat(hundred).isEqualTo(4);
    }

    private long chartStatementsFor(int pageSize) {
        return statementsOf(() -> as(DemoData.STAFF).document("""
                query($first: Int) { workspaces(first: $first) { edges { node { name
                  credits { used daily(days: 7) { date credits } } } } } }""").variable("first", pageSize).execute()
                .errors().verify()
                .path("workspaces.edges[*].node.credits.daily").entityList(Object.class).hasSize(pageSize));
    }

    @Test
    void theDailyChartsOfAPageOf100CostOneStatementAsForAPageOf10() {
        long ten = chartStatementsFor(10);
        assertThat(chartStatementsFor(100)).isEqualTo(ten);
        // viewer check, page, count, one statement for every workspace's credits, one for every workspace's chart
        assertThat(ten).isEqualTo(5);
    }

    @Test
    void theOverviewCostsAConstantHandfulOfStatements() {
        long overview = statementsOf(() -> as(DemoData.OWNER).documentName("overview")
                .variable("id", workspaceId(DemoData.ACME)).variable("locale", "fr-FR").execute().errors().verify());
        // access+workspace; subscription with its plans, card, seats and credits; the daily chart; seat holders
        assertThat(overview).isEqualTo(4);
    }

    @Test
    void pagingForwardReturnsEveryWorkspaceOnceInNameOrder() {
        List<String> names = new ArrayList<>();
        String after = null;
        int total;
        do {
            var page = as(DemoData.STAFF).documentName("staffWorkspaces").variable("first", 40).variable("after", after).execute();
            total = page.path("workspaces.totalCount").entity(Integer.class).get();
            names.addAll(page.path("workspaces.edges[*].node.name").entityList(String.class).get());
            boolean more = page.path("workspaces.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = more ? page.path("workspaces.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        assertThat(names).hasSize(total).doesNotHaveDuplicates()
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER)
                .contains("Acme Corp", "Wayne Enterprises");
        assertThat(total).isEqualTo(db.fetchCount(com.subscriptionbff.db.Tables.WORKSPACES)).isGreaterThanOrEqualTo(158);
    }

    @Test
    void searchMatchesTheStartOfTheNameWhateverItsCase() {
        var page = as(DemoData.STAFF).documentName("staffWorkspaces").variable("first", 10).variable("search", "ac").execute();
        page.path("workspaces.totalCount").entity(Integer.class).isEqualTo(1);
        page.path("workspaces.edges[0].node.name").entity(String.class).isEqualTo("Acme Corp");
        page.path("workspaces.edges[0].node.seats.used").entity(Integer.class).isEqualTo(5);
        page.path("workspaces.edges[0].node.credits.total").entity(Long.class).isEqualTo(28_000_000L);
        assertThat(onlyErrorType(as(DemoData.STAFF).documentName("staffWorkspaces").variable("first", 10)
                .variable("search", "a\u0000b").execute())).isEqualTo("BAD_REQUEST");
        // LIKE wildcards are searched for literally
        as(DemoData.STAFF).documentName("staffWorkspaces").variable("first", 10).variable("search", "%").execute()
                .path("workspaces.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void badPageSizesAndForgedCursorsAreBadRequests() {
        for (int size : new int[]{0, -1, 101}) {
            as(DemoData.STAFF).documentName("staffWorkspaces").variable("first", size).execute().errors()
                    .satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
        }
        String seatCursor = as(DemoData.OWNER).document(
                        "query($id: ID!) { workspace(id: $id) { seats { holders(first: 1) { pageInfo { endCursor } } } } }")
                .variable("id", workspaceId(DemoData.ACME)).execute()
                .path("workspace.seats.holders.pageInfo.endCursor").entity(String.class).get();
        for (String cursor : List.of("garbage", "YzF8d29ya3NwYWNlc3x4", seatCursor)) {
            as(DemoData.STAFF).documentName("staffWorkspaces").variable("first", 5).variable("after", cursor).execute().errors()
                    .satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
        }
    }

    @Test
    void aSeatCursorOfOneWorkspaceIsRefusedInAnother() {
        String acmeCursor = as(DemoData.OWNER).document(
                        "query($id: ID!) { workspace(id: $id) { seats { holders(first: 1) { pageInfo { endCursor } } } } }")
                .variable("id", workspaceId(DemoData.ACME)).execute()
                .path("workspace.seats.holders.pageInfo.endCursor").entity(String.class).get();
        as(DemoData.OWNER).document(
                        "query($id: ID!, $after: String) { workspace(id: $id) { seats { holders(first: 1, after: $after) { totalCount } } } }")
                .variable("id", workspaceId(DemoData.STARK)).variable("after", acmeCursor).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
    }
}
