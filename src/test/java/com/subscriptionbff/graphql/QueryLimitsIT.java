package com.subscriptionbff.graphql;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Oversized or deeply nested queries are refused before they run; the page's own queries and GraphiQL's are not. */
class QueryLimitsIT extends IntegrationTest {

    @Test
    void graphiqlsIntrospectionAndThePagesQueriesFitTheLimits() {
        as(DemoData.OWNER).document(IntrospectionQuery.INTROSPECTION_QUERY).execute().errors().verify();
        as(DemoData.OWNER).documentName("overview").variable("id", workspaceId(DemoData.ACME)).execute().errors().verify();
        as(DemoData.STAFF).documentName("staffWorkspaces").variable("first", 100).execute().errors().verify();
    }

    @Test
    void aQueryNestedDeeperThanTheLimitIsRefused() {
        String deep = "{ __type(name: \"Workspace\") { fields { type " + "{ ofType ".repeat(14) + "{ name }"
                + " }".repeat(14) + " } } }";
        var response = as(DemoData.OWNER).document(deep).execute();
        assertThat(onlyErrorType(response)).isEqualTo("ExecutionAborted");
        assertThat(response.returnResponse().getErrors().getFirst().getMessage()).containsIgnoringCase("depth");
    }

    @Test
    void aQueryAskingForTooManyRowsIsRefusedBeforeItRuns() {
        long before = sqlStatements();
        var response = as(DemoData.STAFF).document("""
                { workspaces(first: 100) { edges { node { seats { holders(first: 100) { edges { node { email } } } }
                  credits { daily(days: 90) { date credits } } } } } }""").execute();
        assertThat(onlyErrorType(response)).isEqualTo("ExecutionAborted");
        assertThat(response.returnResponse().getErrors().getFirst().getMessage()).containsIgnoringCase("complexity");
        assertThat(sqlStatements() - before).isZero();
    }

    @Test
    void theSameDocumentIsMeasuredAgainForEachPageSize() {
        String holders = """
                query holders($first: Int!, $days: Int!) { workspaces(first: $first) { edges { node {
                  seats { holders(first: $first) { edges { node { email } } } } credits { daily(days: $days) { date } } } } } }""";
        as(DemoData.STAFF).document(holders).variable("first", 2).variable("days", 7).execute().errors().verify();
        var refused = as(DemoData.STAFF).document(holders).variable("first", 100).variable("days", 90).execute();
        assertThat(onlyErrorType(refused)).isEqualTo("ExecutionAborted");
        assertThat(refused.returnResponse().getErrors().getFirst().getMessage()).containsIgnoringCase("complexity");
        var refusedAgain = as(DemoData.STAFF).document(holders).variable("first", 100).variable("days", 90).execute();
        assertThat(onlyErrorType(refusedAgain)).isEqualTo("ExecutionAborted");
        as(DemoData.STAFF).document(holders).variable("first", 2).variable("days", 7).execute().errors().verify();
    }

    @Test
    void aConditionOnAFieldIsPartOfTheMeasure() {
        String charts = """
                query charts($chart: Boolean!) { workspaces(first: 10) { edges { node {
                  a: credits @include(if: $chart) { daily(days: 90) { date credits } }
                  b: credits @include(if: $chart) { daily(days: 90) { date credits } }
                  c: credits @include(if: $chart) { daily(days: 90) { date credits } } } } } }""";
        as(DemoData.STAFF).document(charts).variable("chart", false).execute().errors().verify();
        var refused = as(DemoData.STAFF).document(charts).variable("chart", true).execute();
        assertThat(onlyErrorType(refused)).isEqualTo("ExecutionAborted");
        assertThat(refused.returnResponse().getErrors().getFirst().getMessage()).containsIgnoringCase("complexity");
    }

    @Test
    void aPageSizeThatWouldWrapTheComplexityAroundFailsTheWholeRequestBeforeAnythingRuns() {
        // one alias with a page size of 2^30 made the 32-bit total negative: it failed alone and the 60 others ran
        String aliases = java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> "c" + i + ": credits { daily(days: 90) { date credits } }")
                .collect(java.util.stream.Collectors.joining(" "));
        String attack = "query($id: ID!) { workspace(id: $id) { overflow: invoices(first: 1073741824) "
                + "{ edges { node { id } } } " + aliases + " } }";
        long before = sqlStatements();
        var response = as(DemoData.MEMBER).document(attack).variable("id", workspaceId(DemoData.ACME)).execute();
        assertThat(onlyErrorType(response)).isEqualTo("BAD_REQUEST");
        assertThat(response.returnResponse().getErrors().getFirst().getMessage())
                .contains("first must be between 1 and 100");
        assertThat((Object) response.returnResponse().getData()).isNull();
        assertThat(sqlStatements() - before).isZero();
    }

    @Test
    void aNegativePageSizeCannotShrinkTheMeasureEither() {
        long before = sqlStatements();
        var response = as(DemoData.STAFF).document("""
                { workspaces(first: -1) { edges { node { seats { holders(first: 100) { edges { node { email } } } }
                  credits { daily(days: 90) { date } } } } } }""").execute();
        assertThat(onlyErrorType(response)).isEqualTo("BAD_REQUEST");
        assertThat(sqlStatements() - before).isZero();
    }

    @Test
    void sixtyAliasesOfTheNinetyDayChartAreTooComplexForAMember() {
        String aliases = java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> "c" + i + ": credits { daily(days: 90) { date credits } }")
                .collect(java.util.stream.Collectors.joining(" "));
        var response = as(DemoData.MEMBER).document("query($id: ID!) { workspace(id: $id) { " + aliases + " } }")
                .variable("id", workspaceId(DemoData.ACME)).execute();
        assertThat(onlyErrorType(response)).isEqualTo("ExecutionAborted");
        assertThat(response.returnResponse().getErrors().getFirst().getMessage()).containsIgnoringCase("complexity");
    }
}
