package com.subscriptionbff.support;

import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.demo.DemoClock;
import com.subscriptionbff.demo.DemoTokens;
import com.subscriptionbff.demo.stripe.StripeEmulator;
import com.subscriptionbff.demo.EmbeddedDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.support.ResourceDocumentSource;
import java.util.concurrent.atomic.AtomicReference;
import java.util.UUID;

/**
 * The real service on a random port, over real PostgreSQL (Testcontainers where Docker runs, the embedded server
 * otherwise) with the demo data loaded as of {@link #NOW}, spoken to through HTTP by a GraphQL client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bff.demo.enabled=true", "bff.demo.bulk-workspaces=150",
                "bff.stripe.webhook-secret=" + IntegrationTest.STRIPE_WEBHOOK_SECRET,
                "bff.stripe.read-timeout=1500ms", "bff.clock.fixed=2026-11-15T10:00:00Z",
                // the local Stripe of demo mode answers; its events are not delivered (tests send the ones they need)
                "bff.demo.stripe-emulator-events=false",
                // every plan self-serve, so that upgrades have a plan above Team Pro (SubscribeIT tests Enterprise's)
                "bff.catalog.contact-sales-plans=",
                "bff.stripe.max-network-retries=0", "bff.stripe.reconcile.every=PT24H", "bff.return-urls.allowed=https://app.example.com/billing",
                // the server's async request timeout (30 s by default), short here so a live stream visibly outlives it
                "spring.mvc.async.request-timeout=2s", "spring.graphql.http.sse.keep-alive=500ms"})
@AutoConfigureHttpGraphQlTester
@Import({EmbeddedDatabase.class, IntegrationTest.TestClockConfiguration.class, TestData.class})
public abstract class IntegrationTest {

    /** The signing secret of the Stripe webhook endpoint in tests. */
    public static final String STRIPE_WEBHOOK_SECRET = "whsec_test_0123456789abcdef";

    /** A Sunday mid-month: 11:00 in Paris, 23:00 in Auckland. */
    public static final Instant NOW = Instant.parse("2026-11-15T10:00:00Z");

    @LocalServerPort
    protected int port;

    /** documentName(...) reads the documents the front ends ship: the trusted-documents list. */
    private static final ResourceDocumentSource SHIPPED_DOCUMENTS = new ResourceDocumentSource(
            List.of(new ClassPathResource("graphql-allowlist/")), ResourceDocumentSource.FILE_EXTENSIONS);

    @Autowired
    protected HttpGraphQlTester graphQlTester;

    @Autowired
    protected DemoTokens tokens;

    @Autowired
    protected DemoClock clock;

    @Autowired
    protected MeterRegistry meters;

    @Autowired
    protected TestData testData;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** The local Stripe the service talks to. */
    @Autowired
    protected StripeEmulator stripe;

    @AfterEach
    void resetClockAndStripe() {
        clock.set(NOW);
        stripe.reset();
    }

    /** A GraphQL client signed in as the user. */
    protected HttpGraphQlTester as(String userId) {
        String token = tokens.issue(userId);
        return graphQlTester.mutate().headers(headers -> headers.setBearerAuth(token))
                .documentSource(SHIPPED_DOCUMENTS).build();
    }

    /** POSTs JSON to one of the service's own endpoints, with the bearer token when one is given. */
    protected java.net.http.HttpResponse<String> postJson(String path, String token, String body)
            throws java.io.IOException, InterruptedException {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            return client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The classification of the only error of a response. */
    protected static String onlyErrorType(org.springframework.graphql.test.tester.GraphQlTester.Response response) {
        var errors = response.returnResponse().getErrors();
        org.assertj.core.api.Assertions.assertThat(errors).hasSize(1);
        return errors.getFirst().getErrorType().toString();
    }

    protected static String workspaceId(UUID workspace) {
        return GlobalId.of("Workspace", workspace);
    }

    /** SQL statements jOOQ has run so far in this service. */
    protected long sqlStatements() {
        return (long) meters.get("bff.sql.statements").counter().count();
    }

    /** The SQL statements the given request costs. */
    protected long statementsOf(Runnable request) {
        long before = sqlStatements();
        request.run();
        return sqlStatements() - before;
    }

    /** The report of Spring's schema mapping inspection, taken when the schema was built. */
    protected static SchemaReport schemaReport() {
        return SCHEMA_REPORT.get();
    }

    private static final AtomicReference<SchemaReport> SCHEMA_REPORT = new AtomicReference<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {
        @Bean
        GraphQlSourceBuilderCustomizer captureSchemaReport() {
            return builder -> builder.inspectSchemaMappings(SCHEMA_REPORT::set);
        }
    }
}
