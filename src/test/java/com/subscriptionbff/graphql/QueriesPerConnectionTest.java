package com.subscriptionbff.graphql;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries take turns for the pool's connections, through Spring for GraphQL's real request handling: here one
 * connection, and a field that holds its query until released.
 */
class QueriesPerConnectionTest {

    private final QueriesPerConnection oneConnection = new QueriesPerConnection(1, 300);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private final WebGraphQlHandler handler = handler();

    @AfterEach
    void releaseAll() {
        release.countDown();
        clients.shutdownNow();
    }

    @Test
    void aSecondQueryWaitsForTheFirstThenRuns() throws Exception {
        var first = send("{ held }");
        awaitRunning(1);
        var second = send("{ held }");
        Thread.sleep(150);
        assertThat(running.get()).as("queries running at once").isEqualTo(1);
        assertThat(second).isNotDone();

        release.countDown();
        assertThat(first.get(2, TimeUnit.SECONDS).getErrors()).isEmpty();
        assertThat(second.get(2, TimeUnit.SECONDS).getErrors()).isEmpty();
        assertThat((Object) second.get().getData()).isEqualTo(Map.of("held", "done"));
    }

    @Test
    void aQueryThatWaitsLongerThanTheConnectionTimeoutIsOverloadedAndTheTurnIsFreeAfterwards() throws Exception {
        var first = send("{ held }");
        awaitRunning(1);
        WebGraphQlResponse refused = send("{ held }").get(2, TimeUnit.SECONDS);
        assertThat(refused.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorType()).isEqualTo(RequestLimits.OVERLOADED);
            assertThat(error.getMessage()).contains("try again shortly");
        });

        release.countDown();
        assertThat(first.get(2, TimeUnit.SECONDS).getErrors()).isEmpty();
        assertThat(send("{ held }").get(2, TimeUnit.SECONDS).getErrors()).isEmpty();
    }

    @Test
    void aMutationDoesNotWaitForTheQueries() throws Exception {
        var query = send("{ held }");
        awaitRunning(1);
        var mutation = send("mutation { held }");
        awaitRunning(2);

        release.countDown();
        assertThat(mutation.get(2, TimeUnit.SECONDS).getErrors()).isEmpty();
        assertThat(query.get(2, TimeUnit.SECONDS).getErrors()).isEmpty();
    }

    @Test
    void aQueryThatFailsGivesItsTurnBack() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send("{ failing }").get(2, TimeUnit.SECONDS).getErrors()).singleElement()
                    .satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR));
        }
        release.countDown();
        assertThat(send("{ held }").get(2, TimeUnit.SECONDS).getErrors()).isEmpty();
    }

    private WebGraphQlHandler handler() {
        String schema = "type Query { held: String failing: String } type Mutation { held: String }";
        GraphQlSource source = GraphQlSource.schemaResourceBuilder()
                .schemaResources(new ByteArrayResource(schema.getBytes(StandardCharsets.UTF_8)))
                .configureRuntimeWiring(wiring -> wiring
                        .type("Query", type -> type.dataFetcher("held", env -> held())
                                .dataFetcher("failing", env -> {
                                    throw new IllegalStateException("broken");
                                }))
                        .type("Mutation", type -> type.dataFetcher("held", env -> held())))
                .instrumentation(List.of(new QueryAdmission(1000, (field, children) -> 1 + children, oneConnection)))
                .build();
        return WebGraphQlHandler.builder(new DefaultExecutionGraphQlService(source))
                .interceptor(oneConnection.queryTurns())
                .build();
    }

    private String held() throws InterruptedException {
        running.incrementAndGet();
        try {
            return release.await(5, TimeUnit.SECONDS) ? "done" : "never released";
        } finally {
            running.decrementAndGet();
        }
    }

    private CompletableFuture<WebGraphQlResponse> send(String document) {
        WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), Map.of(), Map.of("query", document), "1", Locale.US);
        return CompletableFuture.supplyAsync(() -> handler.handleRequest(request).block(Duration.ofSeconds(5)),
                clients);
    }

    private void awaitRunning(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (running.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(running.get()).isEqualTo(count);
    }
}
