package com.subscriptionbff.stripe;

import com.stripe.Stripe;
import com.subscriptionbff.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.INVOICES;
import static com.subscriptionbff.db.Tables.STRIPE_EVENTS;
import static com.subscriptionbff.db.Tables.WORKSPACES;
import static org.assertj.core.api.Assertions.assertThat;

/** Stripe's events keep the Billing tab true, whatever arrives twice, late or out of order. */
class StripeWebhookIT extends IntegrationTest {

    private static final String SECRET = STRIPE_WEBHOOK_SECRET;

    @Autowired
    DSLContext db;

    @Autowired
    javax.sql.DataSource dataSource;

    private static String invoiceEvent(String eventId, String type, long created, String invoiceId, String customer,
                                       String status, long total) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,"livemode":false,"pending_webhooks":1,
                 "request":{"id":null,"idempotency_key":null},"type":"%s",
                 "data":{"object":{"id":"%s","object":"invoice","customer":"%s","number":"WEB-%s","status":"%s",
                   "total":%d,"currency":"eur","created":1763200000,"period_start":1763200000,"period_end":1765792000,
                   "invoice_pdf":"https://pay.stripe.com/invoice/%s/pdf","hosted_invoice_url":"https://invoice.stripe.com/i/%s",
                   "parent":{"type":"subscription_details","subscription_details":{"subscription":"sub_123"}}}}}
                """.formatted(eventId, Stripe.API_VERSION, created, type, invoiceId, customer, invoiceId, status, total,
                invoiceId, invoiceId);
    }

    /** The Stripe-Signature header Stripe would send for this payload. */
    private static String sign(String payload, String secret) throws Exception {
        return sign(payload, secret, Instant.now().getEpochSecond());
    }

    private static String sign(String payload, String secret, long timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        return "t=" + timestamp + ",v1=" + v1;
    }

    private HttpResponse<String> deliver(String payload, String signature) throws Exception {
        return deliverTo(port, payload, signature);
    }

    private HttpResponse<String> deliverTo(int instancePort, String payload, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + instancePort + "/stripe/webhooks"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private UUID workspaceWithCustomer(String name, String customer) {
        UUID workspace = testData.workspace(name, "Europe/Paris", "owner-of-" + customer);
        db.update(WORKSPACES).set(WORKSPACES.STRIPE_CUSTOMER_ID, customer).where(WORKSPACES.ID.eq(workspace)).execute();
        return workspace;
    }

    @Test
    void aSignedInvoiceEventShowsInTheBillingTabOnceHoweverOftenItComes() throws Exception {
        UUID workspace = workspaceWithCustomer("Webhook Paid SARL", "cus_webhook_paid");
        String payload = invoiceEvent("evt_paid_1", "invoice.paid", Instant.now().getEpochSecond(), "in_paid_1",
                "cus_webhook_paid", "paid", 23_900);
        assertThat(deliver(payload, sign(payload, SECRET)).statusCode()).isEqualTo(200);
        var duplicate = deliver(payload, sign(payload, SECRET));
        assertThat(duplicate.statusCode()).isEqualTo(200);
        assertThat(duplicate.body()).isEqualTo("duplicate");

        var page = as("owner-of-cus_webhook_paid").documentName("invoices").variable("id", workspaceId(workspace))
                .variable("locale", "fr-FR").execute();
        page.path("workspace.invoices.totalCount").entity(Integer.class).isEqualTo(1);
        page.path("workspace.invoices.edges[0].node.number").entity(String.class).isEqualTo("WEB-in_paid_1");
        page.path("workspace.invoices.edges[0].node.status").entity(String.class).isEqualTo("PAID");
        page.path("workspace.invoices.edges[0].node.total.amount").entity(String.class).isEqualTo("239.00");
        page.path("workspace.invoices.edges[0].node.download.pdfUrl").entity(String.class)
                .isEqualTo("https://pay.stripe.com/invoice/in_paid_1/pdf");
        assertThat(db.fetchValue(STRIPE_EVENTS.STATUS, STRIPE_EVENTS.ID.eq("evt_paid_1")).getLiteral()).isEqualTo("PROCESSED");
    }

    @Test
    void aBadOrMissingSignatureIsRefusedAndChangesNothing() throws Exception {
        workspaceWithCustomer("Webhook Forged AG", "cus_webhook_forged");
        String payload = invoiceEvent("evt_forged_1", "invoice.paid", Instant.now().getEpochSecond(), "in_forged_1",
                "cus_webhook_forged", "paid", 100);
        assertThat(deliver(payload, sign(payload, "whsec_someone_else")).statusCode()).isEqualTo(400);
        assertThat(deliver(payload, null).statusCode()).isEqualTo(400);
        String tampered = payload.replace("\"total\":100", "\"total\":1");
        assertThat(deliver(tampered, sign(payload, SECRET)).statusCode()).isEqualTo(400);
        assertThat(db.fetchExists(STRIPE_EVENTS, STRIPE_EVENTS.ID.eq("evt_forged_1"))).isFalse();
        assertThat(db.fetchExists(INVOICES, INVOICES.STRIPE_INVOICE_ID.eq("in_forged_1"))).isFalse();
    }

    @Test
    void aSignatureTimestampedBeyondTheToleranceIsRefusedInTheFutureAsInThePast() throws Exception {
        workspaceWithCustomer("Webhook Time Travel AG", "cus_webhook_future");
        long now = Instant.now().getEpochSecond();
        String payload = invoiceEvent("evt_future_1", "invoice.paid", now, "in_future_1", "cus_webhook_future", "paid",
                100);
        assertThat(deliver(payload, sign(payload, SECRET, now + 3_600)).statusCode()).isEqualTo(400);
        assertThat(deliver(payload, sign(payload, SECRET, now - 3_600)).statusCode()).isEqualTo(400);
        assertThat(db.fetchExists(STRIPE_EVENTS, STRIPE_EVENTS.ID.eq("evt_future_1"))).isFalse();
        assertThat(deliver(payload, sign(payload, SECRET, now + 60)).statusCode()).isEqualTo(200); // clock skew
        assertThat(db.fetchExists(INVOICES, INVOICES.STRIPE_INVOICE_ID.eq("in_future_1"))).isTrue();
    }

    @Test
    void anOlderEventArrivingLateNeverOverwritesANewerOne() throws Exception {
        workspaceWithCustomer("Webhook Order BV", "cus_webhook_order");
        long now = Instant.now().getEpochSecond();
        String voided = invoiceEvent("evt_order_2", "invoice.voided", now, "in_order_1", "cus_webhook_order", "void", 5_000);
        String paidEarlier = invoiceEvent("evt_order_1", "invoice.paid", now - 100, "in_order_1", "cus_webhook_order",
                "paid", 5_000);
        assertThat(deliver(voided, sign(voided, SECRET)).statusCode()).isEqualTo(200);
        assertThat(deliver(paidEarlier, sign(paidEarlier, SECRET)).statusCode()).isEqualTo(200);
        assertThat(db.fetchValue(INVOICES.STATUS, INVOICES.STRIPE_INVOICE_ID.eq("in_order_1")).getLiteral()).isEqualTo("VOID");
    }

    @Test
    void anEventForACustomerNotYetKnownFailsAndARedeliveryCompletesIt() throws Exception {
        String payload = invoiceEvent("evt_late_1", "invoice.finalized", Instant.now().getEpochSecond(), "in_late_1",
                "cus_webhook_late", "open", 15_900);
        var first = deliver(payload, sign(payload, SECRET));
        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(db.fetchValue(STRIPE_EVENTS.STATUS, STRIPE_EVENTS.ID.eq("evt_late_1")).getLiteral()).isEqualTo("FAILED");
        assertThat(db.fetchExists(INVOICES, INVOICES.STRIPE_INVOICE_ID.eq("in_late_1"))).isFalse();

        workspaceWithCustomer("Webhook Late Oy", "cus_webhook_late");
        assertThat(deliver(payload, sign(payload, SECRET)).statusCode()).isEqualTo(200);
        assertThat(db.fetchValue(STRIPE_EVENTS.STATUS, STRIPE_EVENTS.ID.eq("evt_late_1")).getLiteral()).isEqualTo("PROCESSED");
        assertThat(db.fetchValue(STRIPE_EVENTS.ATTEMPTS, STRIPE_EVENTS.ID.eq("evt_late_1"))).isEqualTo(2);
        assertThat(db.fetchValue(INVOICES.STATUS, INVOICES.STRIPE_INVOICE_ID.eq("in_late_1")).getLiteral()).isEqualTo("OPEN");
    }

    @Test
    void aPaidCreditCheckoutAddsTheCreditsOnceToTheHistoryAndTheBalance() throws Exception {
        UUID workspace = workspaceWithCustomer("Webhook Credits SAS", "cus_webhook_credits");
        String payload = """
                {"id":"evt_checkout_1","object":"event","api_version":"%s","created":%d,"livemode":false,
                 "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"checkout.session.completed",
                 "data":{"object":{"id":"cs_test_credits_1","object":"checkout.session","customer":"cus_webhook_credits",
                   "mode":"payment","payment_status":"paid","status":"complete","amount_total":3000,"currency":"eur",
                   "created":1763200000,"metadata":{"credits":"3000000"}}}}""".formatted(Stripe.API_VERSION,
                Instant.now().getEpochSecond());
        assertThat(deliver(payload, sign(payload, SECRET)).statusCode()).isEqualTo(200);
        // the same session in another event (Stripe may send both completed and async_payment_succeeded)
        String again = payload.replace("evt_checkout_1", "evt_checkout_2");
        assertThat(deliver(again, sign(again, SECRET)).statusCode()).isEqualTo(200);

        var page = as("owner-of-cus_webhook_credits").documentName("creditPurchases").variable("id", workspaceId(workspace))
                .variable("locale", "fr-FR").execute();
        page.path("workspace.creditPurchases.totalCount").entity(Integer.class).isEqualTo(1);
        page.path("workspace.creditPurchases.edges[0].node.credits").entity(Long.class).isEqualTo(3_000_000L);
        page.path("workspace.creditPurchases.edges[0].node.amount.amount").entity(String.class).isEqualTo("30.00");
        as("owner-of-cus_webhook_credits").document("query($id: ID!) { workspace(id: $id) { credits { purchasedRemaining } } }")
                .variable("id", workspaceId(workspace)).execute()
                .path("workspace.credits.purchasedRemaining").entity(Long.class).isEqualTo(3_000_000L);
    }

    private static String subscriptionEvent(String eventId, String type, long created, String status,
                                            boolean cancelAtPeriodEnd, String feedback, Long endedAt, int seats) {
        return subscriptionEvent(eventId, type, created, status, cancelAtPeriodEnd, feedback, endedAt, seats,
                "cus_webhook_sub", 1763200000L);
    }

    private static String subscriptionEvent(String eventId, String type, long created, String status,
                                            boolean cancelAtPeriodEnd, String feedback, Long endedAt, int seats,
                                            String customer, long periodStart) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,"livemode":false,"pending_webhooks":1,
                 "request":{"id":null,"idempotency_key":null},"type":"%s",
                 "data":{"object":{"id":"sub_%s","object":"subscription","customer":"%s",
                   "status":"%s","cancel_at_period_end":%s,"canceled_at":%s,"ended_at":%s,
                   "trial_start":null,"trial_end":null,
                   "cancellation_details":{"comment":%s,"feedback":%s,"reason":null},
                   "items":{"object":"list","has_more":false,"url":"/v1/subscription_items","data":[
                     {"id":"si_base","object":"subscription_item","quantity":1,
                      "price":{"id":"price_team_starter_monthly","object":"price"},
                      "current_period_start":%d,"current_period_end":%d},
                     {"id":"si_seats","object":"subscription_item","quantity":%d,
                      "price":{"id":"price_team_starter_seat","object":"price"},
                      "current_period_start":%d,"current_period_end":%d}]}}}}
                """.formatted(eventId, Stripe.API_VERSION, created, type, customer, customer, status, cancelAtPeriodEnd,
                cancelAtPeriodEnd || endedAt != null ? "1763300000" : "null", endedAt == null ? "null" : endedAt,
                feedback == null ? "null" : "\"Trop cher pour nous\"", feedback == null ? "null" : "\"" + feedback + "\"",
                periodStart, periodStart + 2_592_000, seats, periodStart, periodStart + 2_592_000);
    }

    @Test
    void subscriptionEventsUpdateTheOverviewAndAnOlderOneArrivingLateChangesNothing() throws Exception {
        UUID workspace = workspaceWithCustomer("Webhook Subscription KG", "cus_webhook_sub");
        long now = Instant.now().getEpochSecond();
        String created = subscriptionEvent("evt_sub_1", "customer.subscription.created", now - 200, "active", false,
                null, null, 1);
        String cancelled = subscriptionEvent("evt_sub_3", "customer.subscription.updated", now, "active", true,
                "too_expensive", null, 3);
        String olderActive = subscriptionEvent("evt_sub_2", "customer.subscription.updated", now - 100, "active", false,
                null, null, 2);
        for (String event : new String[]{created, cancelled, olderActive}) {
            assertThat(deliver(event, sign(event, SECRET)).statusCode()).isEqualTo(200);
        }
        var overview = as("owner-of-cus_webhook_sub").document("""
                query($id: ID!) { workspace(id: $id) { subscription { status plan { code } autoRenew endsAt
                  currentPeriod { end } customization { extraSeats } cancellation { reason comment } } } }""")
                .variable("id", workspaceId(workspace)).execute();
        overview.path("workspace.subscription.plan.code").entity(String.class).isEqualTo("team-starter");
        overview.path("workspace.subscription.status").entity(String.class).isEqualTo("ACTIVE");
        overview.path("workspace.subscription.autoRenew").entity(Boolean.class).isEqualTo(false);
        overview.path("workspace.subscription.customization.extraSeats").entity(Integer.class).isEqualTo(3);
        overview.path("workspace.subscription.currentPeriod.end").entity(String.class).isEqualTo("2025-12-15T09:46:40Z");
        overview.path("workspace.subscription.cancellation.reason").entity(String.class).isEqualTo("TOO_EXPENSIVE");
        overview.path("workspace.subscription.cancellation.comment").entity(String.class).isEqualTo("Trop cher pour nous");

        String deleted = subscriptionEvent("evt_sub_4", "customer.subscription.deleted", now + 10, "canceled", false,
                "too_expensive", 1765792000L, 3);
        assertThat(deliver(deleted, sign(deleted, SECRET)).statusCode()).isEqualTo(200);
        // the subscription ended: the workspace is on the Free plan, with its monthly credits
        as("owner-of-cus_webhook_sub").document("query($id: ID!) { workspace(id: $id) { subscription { status plan { code } "
                        + "cancellation { reason } customization { extraSeats } } credits { includedMonthly } } }")
                .variable("id", workspaceId(workspace)).execute()
                .path("workspace.subscription.status").entity(String.class).isEqualTo("ACTIVE")
                .path("workspace.subscription.plan.code").entity(String.class).isEqualTo("free")
                .path("workspace.subscription.cancellation").valueIsNull()
                .path("workspace.subscription.customization.extraSeats").entity(Integer.class).isEqualTo(0)
                .path("workspace.credits.includedMonthly").entity(Long.class).isEqualTo(1_000_000L);
    }

    private static String cardEvent(String eventId, String type, long created, String customer, int expYear) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,"livemode":false,"pending_webhooks":1,
                 "request":{"id":null,"idempotency_key":null},"type":"%s",
                 "data":{"object":{"id":"pm_webhook_1","object":"payment_method","type":"card","customer":%s,
                   "card":{"brand":"mastercard","last4":"4444","exp_month":7,"exp_year":%d}}}}
                """.formatted(eventId, Stripe.API_VERSION, created, type,
                customer == null ? "null" : "\"" + customer + "\"", expYear);
    }

    @Test
    void theOverviewShowsTheCardStripeAttachedUntilItIsDetached() throws Exception {
        UUID workspace = workspaceWithCustomer("Webhook Card Ltd", "cus_webhook_card");
        long now = Instant.now().getEpochSecond();
        String attached = cardEvent("evt_pm_1", "payment_method.attached", now - 100, "cus_webhook_card", 2030);
        String updated = cardEvent("evt_pm_2", "payment_method.updated", now - 50, "cus_webhook_card", 2031);
        for (String event : new String[]{updated, attached}) { // the older one arrives last
            assertThat(deliver(event, sign(event, SECRET)).statusCode()).isEqualTo(200);
        }
        String card = "query($id: ID!) { workspace(id: $id) { paymentMethod { brand last4 expMonth expYear } } }";
        var shown = as("owner-of-cus_webhook_card").document(card).variable("id", workspaceId(workspace)).execute();
        shown.path("workspace.paymentMethod.brand").entity(String.class).isEqualTo("Mastercard");
        shown.path("workspace.paymentMethod.last4").entity(String.class).isEqualTo("4444");
        shown.path("workspace.paymentMethod.expYear").entity(Integer.class).isEqualTo(2031);

        String detached = cardEvent("evt_pm_3", "payment_method.detached", now, null, 2031);
        assertThat(deliver(detached, sign(detached, SECRET)).statusCode()).isEqualTo(200);
        as("owner-of-cus_webhook_card").document(card).variable("id", workspaceId(workspace)).execute()
                .path("workspace.paymentMethod").valueIsNull();
    }

    @Test
    void theSameEventDeliveredTwiceAtOnceIsAppliedOnce() throws Exception {
        workspaceWithCustomer("Webhook Race SE", "cus_webhook_race");
        String payload = invoiceEvent("evt_race_1", "invoice.paid", Instant.now().getEpochSecond(), "in_race_1",
                "cus_webhook_race", "paid", 4_200);
        var bodies = java.util.Collections.synchronizedList(new java.util.ArrayList<String>());
        java.util.List<Thread> deliveries = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            deliveries.add(Thread.ofVirtual().start(() -> {
                try {
                    bodies.add(deliver(payload, sign(payload, SECRET)).body());
                } catch (Exception e) {
                    bodies.add(e.toString());
                }
            }));
        }
        for (Thread delivery : deliveries) {
            delivery.join();
        }
        assertThat(bodies).hasSize(6).containsOnly("processed", "duplicate");
        assertThat(bodies.stream().filter("processed"::equals).count()).isEqualTo(1);
        assertThat(db.fetchValue(STRIPE_EVENTS.ATTEMPTS, STRIPE_EVENTS.ID.eq("evt_race_1"))).isEqualTo(1);
    }

    @Test
    void atRenewalTheNewestMembersBeyondTheSeatsAreDeactivatedAndShown() throws Exception {
        UUID workspace = workspaceWithCustomer("Webhook Renewal AB", "cus_webhook_renewal");
        for (int i = 1; i <= 11; i++) {
            testData.member(workspace, "renewal-member-" + i, com.subscriptionbff.db.enums.MemberRole.MEMBER,
                    Instant.parse("2026-02-01T00:00:00Z").plusSeconds(86_400L * i));
        }
        long now = Instant.now().getEpochSecond();
        String created = subscriptionEvent("evt_renew_1", "customer.subscription.created", now - 300, "active", false,
                null, null, 0, "cus_webhook_renewal", 1763200000L);
        String sameperiod = subscriptionEvent("evt_renew_2", "customer.subscription.updated", now - 200, "active", false,
                null, null, 0, "cus_webhook_renewal", 1763200000L);
        for (String event : new String[]{created, sameperiod}) {
            assertThat(deliver(event, sign(event, SECRET)).statusCode()).isEqualTo(200);
        }
        String seats = "query($id: ID!) { workspace(id: $id) { seats { used total overLimit "
                + "deactivatedAtRenewals { displayName deactivatedAt } } } }";
        var before = as("owner-of-cus_webhook_renewal").document(seats).variable("id", workspaceId(workspace)).execute();
        before.path("workspace.seats.used").entity(Integer.class).isEqualTo(12);
        before.path("workspace.seats.overLimit").entity(Boolean.class).isEqualTo(true);
        before.path("workspace.seats.deactivatedAtRenewals").entityList(Object.class).hasSize(0);

        String renewed = subscriptionEvent("evt_renew_3", "customer.subscription.updated", now - 100, "active", false,
                null, null, 0, "cus_webhook_renewal", 1765792000L);
        assertThat(deliver(renewed, sign(renewed, SECRET)).statusCode()).isEqualTo(200);
        var after = as("owner-of-cus_webhook_renewal").document(seats).variable("id", workspaceId(workspace)).execute();
        after.path("workspace.seats.used").entity(Integer.class).isEqualTo(10);
        after.path("workspace.seats.total").entity(Integer.class).isEqualTo(10);
        after.path("workspace.seats.overLimit").entity(Boolean.class).isEqualTo(false);
        assertThat(after.path("workspace.seats.deactivatedAtRenewals[*].displayName").entityList(String.class).get())
                .containsExactlyInAnyOrder("renewal-member-10", "renewal-member-11");
        after.path("workspace.seats.deactivatedAtRenewals[0].deactivatedAt").entity(Instant.class)
                .isEqualTo(Instant.ofEpochSecond(now - 100));
    }

    @Test
    void twoInstancesOnOneDatabaseApplyTheSameEventOnce() throws Exception {
        workspaceWithCustomer("Webhook Twins Oy", "cus_webhook_twins");
        String url = ((com.zaxxer.hikari.HikariDataSource) dataSource).getJdbcUrl();
        try (var second = new org.springframework.boot.builder.SpringApplicationBuilder(
                com.subscriptionbff.SubscriptionBffApplication.class)
                // as arguments: they must win over application.yaml, which default properties do not
                .run("--server.port=0", "--management.server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres", "--bff.demo.enabled=true",
                        "--bff.stripe.webhook-secret=" + SECRET)) {
            int secondPort = ((org.springframework.boot.web.server.context.WebServerApplicationContext) second)
                    .getWebServer().getPort();
            String payload = invoiceEvent("evt_twins_1", "invoice.paid", Instant.now().getEpochSecond(), "in_twins_1",
                    "cus_webhook_twins", "paid", 9_900);
            var bodies = java.util.Collections.synchronizedList(new java.util.ArrayList<String>());
            java.util.List<Thread> deliveries = new java.util.ArrayList<>();
            for (int instancePort : new int[]{port, secondPort, port, secondPort}) {
                deliveries.add(Thread.ofVirtual().start(() -> {
                    try {
                        bodies.add(deliverTo(instancePort, payload, sign(payload, SECRET)).body());
                    } catch (Exception e) {
                        bodies.add(e.toString());
                    }
                }));
            }
            for (Thread delivery : deliveries) {
                delivery.join();
            }
            assertThat(bodies).containsOnly("processed", "duplicate");
            assertThat(bodies.stream().filter("processed"::equals).count()).isEqualTo(1);
            assertThat(db.fetchCount(INVOICES, INVOICES.STRIPE_INVOICE_ID.eq("in_twins_1"))).isEqualTo(1);
        }
    }

    @Test
    void throughputWithDuplicatesMixedIn() throws Exception {
        workspaceWithCustomer("Webhook Load GmbH", "cus_webhook_load");
        int distinct = 400;
        java.util.List<String> payloads = new java.util.ArrayList<>();
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < distinct; i++) {
            payloads.add(invoiceEvent("evt_load_" + i, "invoice.paid", now, "in_load_" + i, "cus_webhook_load", "paid", 100));
        }
        for (int i = 0; i < distinct / 4; i++) {
            payloads.add(payloads.get(i)); // a quarter delivered twice
        }
        java.util.Collections.shuffle(payloads, new java.util.Random(1));
        var queue = new java.util.concurrent.ConcurrentLinkedQueue<>(payloads);
        var failures = new java.util.concurrent.atomic.AtomicInteger();
        long started = System.nanoTime();
        java.util.List<Thread> senders = new java.util.ArrayList<>();
        for (int t = 0; t < 16; t++) {
            senders.add(Thread.ofVirtual().start(() -> {
                String payload;
                while ((payload = queue.poll()) != null) {
                    try {
                        if (deliver(payload, sign(payload, SECRET)).statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(failures.get()).isZero();
        assertThat(db.fetchCount(INVOICES, INVOICES.STRIPE_INVOICE_ID.like("in_load_%"))).isEqualTo(distinct);
        System.out.printf("webhooks: %d deliveries (%d duplicates) in %.2f s = %.0f events/s%n", payloads.size(),
                payloads.size() - distinct, seconds, payloads.size() / seconds);
    }

    @Test
    void anUnknownEventTypeIsStoredAndAcknowledged() throws Exception {
        String payload = """
                {"id":"evt_unknown_1","object":"event","api_version":"%s","created":%d,"livemode":false,
                 "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"customer.tax_id.created",
                 "data":{"object":{"id":"txi_1","object":"tax_id"}}}""".formatted(Stripe.API_VERSION,
                Instant.now().getEpochSecond());
        assertThat(deliver(payload, sign(payload, SECRET)).statusCode()).isEqualTo(200);
        assertThat(db.fetchValue(STRIPE_EVENTS.TYPE, STRIPE_EVENTS.ID.eq("evt_unknown_1"))).isEqualTo("customer.tax_id.created");
    }
}
