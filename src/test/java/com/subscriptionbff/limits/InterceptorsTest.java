package com.subscriptionbff.limits;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class InterceptorsTest {

    private static WebGraphQlRequest request(Map<String, Object> body) {
        return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), Map.of(), body, "1", Locale.US);
    }

    /** The rest of the chain: answers after `delay`, remembering the document it was asked to run. */
    private static WebGraphQlInterceptor.Chain chain(Duration delay, AtomicReference<String> ran) {
        return request -> {
            ran.set(request.toExecutionInput().getQuery());
            return Mono.delay(delay).map(tick -> new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(
                    request.toExecutionInput(), ExecutionResult.newExecutionResult().data(Map.of("ok", true)).build())));
        };
    }

    @Test
    void aSlowRequestIsAnsweredWithATimeoutError() {
        try (var timeout = new RequestTimeout.Interceptor(Duration.ofMillis(50), 8, 8,
                Executors.newVirtualThreadPerTaskExecutor())) {
            answeredWithin(Duration.ofSeconds(1), RequestTimeout.TIMEOUT, timeout,
                    chain(Duration.ofSeconds(5), new AtomicReference<>()));
            WebGraphQlResponse fast = timeout.intercept(request(Map.of("query", "{ viewer { id } }")),
                    chain(Duration.ZERO, new AtomicReference<>())).block(Duration.ofSeconds(2));
            assertThat(fast.getErrors()).isEmpty();
            // answered on the subscribing thread: Spring MVC then writes the response without a servlet async dispatch
            var answered = timeout.intercept(request(Map.of("query", "{ viewer { id } }")),
                    chain(Duration.ofMillis(20), new AtomicReference<>())).toFuture();
            assertThat(answered).isDone();
            assertThat(answered.join().getErrors()).isEmpty();
            // a deadline behind those of requests already answered still comes
            answeredWithin(Duration.ofSeconds(1), RequestTimeout.TIMEOUT, timeout,
                    chain(Duration.ofSeconds(5), new AtomicReference<>()));
        }
    }

    /** Controller methods block the thread they run on: the answer must not wait for them. */
    @Test
    void aRequestBlockedInAControllerMethodIsAnsweredWhenTheTimeIsUp() {
        WebGraphQlInterceptor.Chain blocking = request -> Mono.fromCallable(() -> {
            Thread.sleep(3_000);
            return ok(request);
        });
        try (var timeout = new RequestTimeout.Interceptor(Duration.ofMillis(50), 8, 8,
                Executors.newVirtualThreadPerTaskExecutor())) {
            answeredWithin(Duration.ofSeconds(1), RequestTimeout.TIMEOUT, timeout, blocking);
        }
    }

    /** `count` requests at once, each waiting on its own thread, as each HTTP request does. */
    private static List<CompletableFuture<WebGraphQlResponse>> eachOnItsOwnThread(
            int count, WebGraphQlInterceptor interceptor, WebGraphQlInterceptor.Chain chain) {
        return IntStream.range(0, count)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> interceptor.intercept(request(Map.of("query", "{ viewer { id } }")), chain).block(),
                        Executors.newVirtualThreadPerTaskExecutor()))
                .toList();
    }

    /** One request, answered within `limit` with a single error of `type`. */
    private static void answeredWithin(Duration limit, ErrorClassification type, WebGraphQlInterceptor interceptor,
                                       WebGraphQlInterceptor.Chain chain) {
        long started = System.nanoTime();
        WebGraphQlResponse answer = interceptor.intercept(request(Map.of("query", "{ viewer { id } }")), chain)
                .block(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(limit);
        assertThat(answer.getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getErrorType()).isEqualTo(type));
    }

    private static WebGraphQlResponse ok(WebGraphQlRequest request) {
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                ExecutionResult.newExecutionResult().data(Map.of("ok", true)).build()));
    }

    /** Beyond the executions allowed at once, requests wait their turn; one answered before its turn never runs. */
    @Test
    void requestsBeyondTheConcurrencyLimitWaitAndTimeOutWithoutRunning() throws Exception {
        try (var limited = new RequestTimeout.Interceptor(Duration.ofMillis(300), 2, 8,
                Executors.newVirtualThreadPerTaskExecutor())) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            AtomicInteger started = new AtomicInteger();
            WebGraphQlInterceptor.Chain slow = request -> Mono.fromCallable(() -> {
                started.incrementAndGet();
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.sleep(1_000);
                running.decrementAndGet();
                return ok(request);
            });
            for (var answer : eachOnItsOwnThread(6, limited, slow)) {
                assertThat(answer.get(2, TimeUnit.SECONDS).getErrors()).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType()).isEqualTo(RequestTimeout.TIMEOUT));
            }
            Thread.sleep(2_500);
            assertThat(mostAtOnce.get()).isEqualTo(2);
            assertThat(started.get()).isEqualTo(2);
        }
    }

    /** Beyond those running and those allowed to wait, a request is answered at once, without running. */
    @Test
    void requestsBeyondThoseAllowedToWaitAreAnsweredAtOnceAsOverloaded() throws Exception {
        try (var limited = new RequestTimeout.Interceptor(Duration.ofSeconds(5), 2, 1,
                Executors.newVirtualThreadPerTaskExecutor())) {
            AtomicInteger started = new AtomicInteger();
            CountDownLatch release = new CountDownLatch(1);
            WebGraphQlInterceptor.Chain held = request -> Mono.fromCallable(() -> {
                started.incrementAndGet();
                release.await();
                return ok(request);
            });
            var admitted = eachOnItsOwnThread(3, limited, held);
            while (started.get() < 2) {
                Thread.sleep(10);
            }
            Thread.sleep(100); // the third is now waiting for a turn
            answeredWithin(Duration.ofMillis(500), RequestTimeout.OVERLOADED, limited, held);
            release.countDown();
            for (var answer : admitted) {
                assertThat(answer.get(2, TimeUnit.SECONDS).getErrors()).isEmpty();
            }
            assertThat(started.get()).isEqualTo(3);
            // the waiting room is free again
            assertThat(limited.intercept(request(Map.of("query", "{ viewer { id } }")), held)
                    .block(Duration.ofSeconds(2)).getErrors()).isEmpty();
        }
    }

    @Test
    void onlyTrustedDocumentsRun() {
        String trusted = "query viewer { viewer { id } }";
        WebGraphQlInterceptor allowList = TrustedDocuments.interceptor(Map.of(TrustedDocuments.sha256(trusted), trusted));
        AtomicReference<String> ran = new AtomicReference<>();

        assertThat(allowList.intercept(request(Map.of("query", trusted)), chain(Duration.ZERO, ran))
                .block().getErrors()).isEmpty();
        assertThat(ran.get()).isEqualTo(trusted);

        ran.set(null);
        WebGraphQlResponse refused = allowList.intercept(request(Map.of("query", "{ workspaces(first: 100) { totalCount } }")),
                chain(Duration.ZERO, ran)).block();
        assertThat(refused.getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getErrorType()).isEqualTo(TrustedDocuments.NOT_ALLOWED));
        assertThat(ran.get()).isNull();
    }
}
