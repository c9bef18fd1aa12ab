package com.subscriptionbff.support;

import com.subscriptionbff.db.enums.InvoiceStatus;
import com.subscriptionbff.db.enums.MemberRole;
import com.subscriptionbff.demo.stripe.EmulatorSeed;
import com.subscriptionbff.demo.stripe.StripeEmulator;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.db.tables.records.PlansRecord;

import static com.subscriptionbff.db.Tables.INVOICES;
import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static com.subscriptionbff.db.Tables.MEMBERS;
import static com.subscriptionbff.db.Tables.USERS;
import static com.subscriptionbff.db.Tables.WORKSPACES;

/** Rows a test needs beyond the demo data, each in a workspace of its own so tests do not disturb each other. */
@Component
public class TestData {

    private final DSLContext db;
    private final ObjectProvider<StripeEmulator> stripe;
    private final ObjectProvider<EmulatorSeed> seed;

    /** The local Stripe is absent from repository slices and where a test turns it off. */
    TestData(DSLContext db, ObjectProvider<StripeEmulator> stripe, ObjectProvider<EmulatorSeed> seed) {
        this.db = db;
        this.stripe = stripe;
        this.seed = seed;
    }

    /** A new workspace whose OWNER is a new user of that id. */
    public UUID workspace(String name, String zone, String ownerUserId) {
        UUID id = UUID.randomUUID();
        db.insertInto(WORKSPACES).set(WORKSPACES.ID, id).set(WORKSPACES.NAME, name).set(WORKSPACES.TIME_ZONE, zone)
                .execute();
        user(ownerUserId);
        member(id, ownerUserId, MemberRole.OWNER);
        return id;
    }

    /** A workspace billed through Stripe, and the same subscription in the Stripe emulator. */
    public record Subscribed(UUID workspaceId, String customerId, String subscriptionId) {
    }

    /**
     * A new workspace whose OWNER is `ownerUserId`, subscribed to the plan since ten days before {@link
     * IntegrationTest#NOW}, in PostgreSQL and in the Stripe emulator alike.
     */
    public Subscribed subscribed(String name, String ownerUserId, String planCode, BillingInterval interval,
                                 int extraSeats, long extraCreditMillions, SubscriptionStatus status) {
        seed.getObject().catalog();
        UUID workspace = workspace(name, "Europe/Paris", ownerUserId);
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        String customer = "cus_" + suffix;
        String subscription = "sub_" + suffix;
        db.update(WORKSPACES).set(WORKSPACES.STRIPE_CUSTOMER_ID, customer).where(WORKSPACES.ID.eq(workspace)).execute();
        PlansRecord plan = db.selectFrom(PLANS).where(PLANS.CODE.eq(planCode)).fetchSingle();
        Instant start = IntegrationTest.NOW.minus(Duration.ofDays(10));
        Instant end = interval == BillingInterval.YEAR ? start.atOffset(ZoneOffset.UTC).plusYears(1).toInstant()
                : start.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
        boolean trialing = status == SubscriptionStatus.TRIALING;
        db.insertInto(SUBSCRIPTIONS)
                .set(SUBSCRIPTIONS.ID, UUID.randomUUID())
                .set(SUBSCRIPTIONS.WORKSPACE_ID, workspace)
                .set(SUBSCRIPTIONS.PLAN_ID, plan.getId())
                .set(SUBSCRIPTIONS.BILLING_INTERVAL, interval)
                .set(SUBSCRIPTIONS.STATUS, status)
                .set(SUBSCRIPTIONS.CURRENT_PERIOD_START, start)
                .set(SUBSCRIPTIONS.CURRENT_PERIOD_END, end)
                .set(SUBSCRIPTIONS.TRIAL_START, trialing ? start : null)
                .set(SUBSCRIPTIONS.TRIAL_END, trialing ? end : null)
                .set(SUBSCRIPTIONS.EXTRA_SEATS, extraSeats)
                .set(SUBSCRIPTIONS.EXTRA_CREDITS, extraCreditMillions * 1_000_000L)
                .set(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID, subscription)
                .execute();
        boolean annual = interval == BillingInterval.YEAR;
        Map<String, Long> quantities = new LinkedHashMap<>();
        quantities.put(annual ? plan.getStripeAnnualPriceId() : plan.getStripeMonthlyPriceId(), 1L);
        if (extraSeats > 0) {
            quantities.put(annual ? plan.getStripeExtraSeatAnnualPriceId() : plan.getStripeExtraSeatPriceId(),
                    (long) extraSeats);
        }
        if (extraCreditMillions > 0) {
            quantities.put(annual ? plan.getStripeExtraCreditsAnnualPriceId() : plan.getStripeExtraCreditsPriceId(),
                    extraCreditMillions);
        }
        stripe.getObject().subscription(subscription, customer, status.getLiteral().toLowerCase(Locale.ROOT),
                start, end, trialing ? start : null, trialing ? end : null, quantities);
        return new Subscribed(workspace, customer, subscription);
    }

    public void user(String userId) {
        db.insertInto(USERS).set(USERS.ID, userId).set(USERS.EMAIL, userId + "@test.example")
                .set(USERS.DISPLAY_NAME, userId).onConflictDoNothing().execute();
    }

    public void member(UUID workspace, String userId, MemberRole role) {
        member(workspace, userId, role, Instant.parse("2026-01-01T00:00:00Z"));
    }

    public void member(UUID workspace, String userId, MemberRole role, Instant joinedAt) {
        user(userId);
        db.insertInto(MEMBERS).set(MEMBERS.ID, UUID.randomUUID()).set(MEMBERS.WORKSPACE_ID, workspace)
                .set(MEMBERS.USER_ID, userId).set(MEMBERS.ROLE, role)
                .set(MEMBERS.JOINED_AT, joinedAt).execute();
    }

    public void deactivate(UUID workspace, String userId) {
        db.update(MEMBERS).set(MEMBERS.DEACTIVATED_AT, Instant.parse("2026-11-01T00:00:00Z"))
                .set(MEMBERS.DEACTIVATION_REASON, com.subscriptionbff.db.enums.DeactivationReason.REMOVED)
                .where(MEMBERS.WORKSPACE_ID.eq(workspace).and(MEMBERS.USER_ID.eq(userId))).execute();
    }

    public UUID invoice(UUID workspace, String number, Instant issuedAt, long totalMinor, InvoiceStatus status) {
        UUID id = UUID.randomUUID();
        db.insertInto(INVOICES)
                .set(INVOICES.ID, id).set(INVOICES.WORKSPACE_ID, workspace).set(INVOICES.NUMBER, number)
                .set(INVOICES.ISSUED_AT, issuedAt).set(INVOICES.PERIOD_START, issuedAt)
                .set(INVOICES.PERIOD_END, issuedAt.plus(Duration.ofDays(30)))
                .set(INVOICES.TOTAL_MINOR, totalMinor).set(INVOICES.CURRENCY, "EUR").set(INVOICES.STATUS, status)
                .set(INVOICES.INVOICE_PDF_URL, "https://pay.stripe.com/invoice/" + id + "/pdf")
                .set(INVOICES.HOSTED_INVOICE_URL, "https://invoice.stripe.com/i/" + id)
                .execute();
        return id;
    }

    /** `count` paid invoices one hour apart, the newest at `newest`: generated by PostgreSQL in one statement. */
    public void invoices(UUID workspace, int count, Instant newest) {
        db.execute("""
                insert into invoices (id, workspace_id, number, issued_at, period_start, period_end, total_minor,
                                      currency, status, invoice_pdf_url, hosted_invoice_url)
                select gen_random_uuid(), ?, 'BULK-' || lpad(n::text, 7, '0'), ?::timestamptz - n * interval '1 hour',
                       ?::timestamptz - n * interval '1 hour', ?::timestamptz - n * interval '1 hour' + interval '1 month',
                       15900 + n, 'EUR', 'PAID',
                       'https://pay.stripe.com/invoice/in_' || n || '/pdf', 'https://invoice.stripe.com/i/in_' || n
                from generate_series(0, ? - 1) as n""", workspace, newest.toString(), newest.toString(),
                newest.toString(), count);
    }
}
