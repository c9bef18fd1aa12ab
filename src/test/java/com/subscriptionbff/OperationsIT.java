package com.subscriptionbff;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and the person trying the demo see besides the API. */
class OperationsIT extends IntegrationTest {

    @LocalManagementPort
    int managementPort;

    private HttpResponse<String> get(String path) throws Exception {
        return get(port, path);
    }

    /** From the management port, which operators keep off the public network. */
    private HttpResponse<String> scrape(String path) throws Exception {
        return get(managementPort, path);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void livenessAndReadinessIncludingTheDatabaseAreUpForProbesOnBothPorts() throws Exception {
        assertThat(get("/livez").body()).contains("\"status\":\"UP\"");
        var readiness = get("/readyz");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        assertThat(scrape("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void metricsAreScrapedFromTheManagementPortOnlyWithGraphQlTimingsAndSqlStatementCounts() throws Exception {
        as(DemoData.OWNER).document("{ viewer { id } }").execute().errors().verify();
        assertThat(managementPort).isNotEqualTo(port);
        var publicPort = get("/actuator/prometheus");
        assertThat(publicPort.statusCode()).isIn(401, 404);
        assertThat(publicPort.body()).doesNotContain("graphql_request");
        String metrics = scrape("/actuator/prometheus").body();
        assertThat(metrics).contains("graphql_request_seconds_count").contains("bff_sql_statements_total");
    }

    @Test
    void eachGraphQlRequestIsTimedOnceByOutcome() throws Exception {
        double succeeded = requestsTimed("SUCCESS");
        double refused = requestsTimed("REQUEST_ERROR");
        as(DemoData.OWNER).document("{ viewer { id } }").execute().errors().verify();
        as(DemoData.OWNER).document("{ viewer { nope } }").execute();
        assertThat(requestsTimed("SUCCESS") - succeeded).isEqualTo(1);
        assertThat(requestsTimed("REQUEST_ERROR") - refused).isEqualTo(1);
    }

    @Test
    void eachBatchTheOverviewLoadsIsTimedAsASuccess() throws Exception {
        double before = batchesTimed("SUCCESS");
        double failedBefore = batchesTimed("ERROR");
        as(DemoData.OWNER).documentName("overview").variable("id", workspaceId(DemoData.ACME)).execute()
                .errors().verify();
        // the subscription, card, seats and credits batches, the chart and the seat holders
        assertThat(batchesTimed("SUCCESS") - before).isGreaterThanOrEqualTo(6);
        assertThat(batchesTimed("ERROR")).isEqualTo(failedBefore);
    }

    private double batchesTimed(String outcome) throws Exception {
        return timed("graphql_dataloader_seconds_count", outcome);
    }

    private double requestsTimed(String outcome) throws Exception {
        return timed("graphql_request_seconds_count", outcome);
    }

    /** The count of a Spring for GraphQL timer with that outcome, over all its other tags, as Prometheus scrapes it. */
    private double timed(String counter, String outcome) throws Exception {
        return scrape("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith(counter + "{") && line.contains("graphql_outcome=\"" + outcome + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void graphiqlIsServedAndDemoTokensWorkInOneStep() throws Exception {
        var graphiql = get("/graphiql?path=/graphql");
        assertThat(graphiql.statusCode()).isEqualTo(200);
        assertThat(graphiql.body()).containsIgnoringCase("graphiql");
        var tokensPage = get("/demo/tokens");
        assertThat(tokensPage.statusCode()).isEqualTo(200);
        assertThat(tokensPage.body()).contains(DemoData.OWNER).contains("Authorization").contains("Bearer ");
    }

    @Test
    void everythingElseNeedsAToken() throws Exception {
        assertThat(get("/actuator/env").statusCode()).isIn(401, 403, 404);
        assertThat(get("/anything").statusCode()).isEqualTo(401);
    }
}
