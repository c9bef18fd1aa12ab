package com.subscriptionbff.graphql;

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
import reactor.core.scheduler.Schedulers;

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
    void aSlowRequestIsAnsweredWithATimeoutErrorAndAFastOneAsItIs() {
        WebGraphQlInterceptor timeout = RequestLimits.timeout(Duration.ofMillis(50));
        answeredWithin(Duration.ofSeconds(1), RequestLimits.TIMEOUT, timeout,
                chain(Duration.ofSeconds(5), new AtomicReference<>()));
        WebGraphQlResponse fast = timeout.intercept(request(Map.of("query", "{ viewer { id } }")),
                chain(Duration.ofMillis(10), new AtomicReference<>())).block(Duration.ofSeconds(2));
        assertThat(fast.getErrors()).isEmpty();
    }

    /** Controller methods block the thread they run on (Spring's executor): the answer must not wait for them. */
    @Test
    void aRequestBlockedInAControllerMethodIsAnsweredWhenTheTimeIsUp() {
        WebGraphQlInterceptor.Chain blocking = request -> Mono.fromCallable(() -> {
            Thread.sleep(3_000);
            return ok(request);
        }).subscribeOn(Schedulers.fromExecutor(Executors.newVirtualThreadPerTaskExecutor()));
        answeredWithin(Duration.ofSeconds(1), RequestLimits.TIMEOUT, RequestLimits.timeout(Duration.ofMillis(50)),
                blocking);
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

    /** Beyond those running, a request is answered at once as OVERLOADED, without running; then there is room again. */
    @Test
    void requestsBeyondTheConcurrencyLimitAreAnsweredAtOnceAsOverloaded() throws Exception {
        WebGraphQlInterceptor limited = RequestLimits.concurrencyLimit(2);
        AtomicInteger started = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        WebGraphQlInterceptor.Chain held = request -> Mono.fromCallable(() -> {
            started.incrementAndGet();
            release.await();
            return ok(request);
        }).subscribeOn(Schedulers.boundedElastic());
        List<CompletableFuture<WebGraphQlResponse>> admitted = IntStream.range(0, 2)
                .mapToObj(i -> limited.intercept(request(Map.of("query", "{ viewer { id } }")), held).toFuture())
                .toList();
        while (started.get() < 2) {
            Thread.sleep(10);
        }
        answeredWithin(Duration.ofMillis(500), RequestLimits.OVERLOADED, limited, held);
        assertThat(started.get()).isEqualTo(2);
        release.countDown();
        for (var answer : admitted) {
            assertThat(answer.get(2, TimeUnit.SECONDS).getErrors()).isEmpty();
        }
        assertThat(limited.intercept(request(Map.of("query", "{ viewer { id } }")), held)
                .block(Duration.ofSeconds(2)).getErrors()).isEmpty();
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
