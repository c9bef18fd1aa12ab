package com.subscriptionbff.demo;

import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.CreditPurchaseSource;
import com.subscriptionbff.db.enums.InvoiceStatus;
import com.subscriptionbff.db.enums.MemberRole;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.db.tables.records.CreditBalancesRecord;
import com.subscriptionbff.db.tables.records.CreditPurchasesRecord;
import com.subscriptionbff.db.tables.records.CreditUsageDailyRecord;
import com.subscriptionbff.db.tables.records.InvoicesRecord;
import com.subscriptionbff.db.tables.records.MembersRecord;
import com.subscriptionbff.db.tables.records.PaymentMethodsRecord;
import com.subscriptionbff.db.tables.records.SubscriptionsRecord;
import com.subscriptionbff.db.tables.records.UsersRecord;
import com.subscriptionbff.db.tables.records.WorkspacesRecord;
import org.jooq.DSLContext;
import org.jooq.TableRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Demo rows built in memory, then batch-inserted table by table in foreign-key order (after the plans of {@link
 * DemoCatalog}). Ids derive from names ({@link DemoData#id}) and usage from seeded draws, so the same calls on the same
 * clock give the same rows.
 */
final class DemoRows {

    private static final int BATCH = 2_000;

    private final Clock clock;
    private final List<UsersRecord> users = new ArrayList<>();
    private final List<WorkspacesRecord> workspaces = new ArrayList<>();
    private final List<MembersRecord> members = new ArrayList<>();
    private final List<SubscriptionsRecord> subscriptions = new ArrayList<>();
    private final List<PaymentMethodsRecord> cards = new ArrayList<>();
    private final List<CreditUsageDailyRecord> usage = new ArrayList<>();
    private final List<CreditPurchasesRecord> purchases = new ArrayList<>();
    private final List<CreditBalancesRecord> balances = new ArrayList<>();
    private final List<InvoicesRecord> invoices = new ArrayList<>();

    DemoRows(Clock clock) {
        this.clock = clock;
    }

    static Instant plusMonths(Instant start, int months) {
        return start.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    /** A Stripe-shaped id ("cus_…") unique per row. */
    static String stripeId(String prefix, UUID id) {
        return prefix + "_" + id.toString().replace("-", "");
    }

    void user(String id, String email, String name, boolean staff) {
        UsersRecord user = new UsersRecord();
        user.setId(id);
        user.setEmail(email);
        user.setDisplayName(name);
        user.setStaff(staff);
        users.add(user);
    }

    void workspace(UUID id, String name, String zone) {
        WorkspacesRecord workspace = new WorkspacesRecord();
        workspace.setId(id);
        workspace.setName(name);
        workspace.setTimeZone(zone);
        workspace.setStripeCustomerId(stripeId("cus", id));
        workspaces.add(workspace);
    }

    MembersRecord member(UUID workspaceId, String userId, MemberRole role, Instant joinedAt) {
        MembersRecord member = new MembersRecord();
        member.setId(DemoData.id("member:" + workspaceId + ":" + userId));
        member.setWorkspaceId(workspaceId);
        member.setUserId(userId);
        member.setRole(role);
        member.setJoinedAt(joinedAt);
        members.add(member);
        return member;
    }

    /** `count` members with users of their own, joined one day apart from `firstJoined`; the first joined first. */
    List<MembersRecord> extraMembers(UUID workspaceId, String prefix, int count, Instant firstJoined) {
        int first = members.size();
        for (int i = 1; i <= count; i++) {
            String userId = prefix + "-user-" + i;
            user(userId, userId + "@" + prefix + ".example", "Member " + i + " of " + prefix, false);
            member(workspaceId, userId, MemberRole.MEMBER, firstJoined.plus(Duration.ofDays(i)));
        }
        return members.subList(first, members.size());
    }

    SubscriptionsRecord subscription(UUID workspaceId, UUID planId, BillingInterval interval, SubscriptionStatus status,
                                     Instant start, Instant end, int extraSeats, long extraCredits) {
        SubscriptionsRecord subscription = new SubscriptionsRecord();
        subscription.setId(DemoData.id("subscription:" + workspaceId));
        subscription.setWorkspaceId(workspaceId);
        subscription.setPlanId(planId);
        subscription.setBillingInterval(interval);
        subscription.setStatus(status);
        subscription.setCurrentPeriodStart(start);
        subscription.setCurrentPeriodEnd(end);
        subscription.setCancelAtPeriodEnd(false);
        subscription.setExtraSeats(extraSeats);
        subscription.setExtraCredits(extraCredits);
        subscription.setStripeSubscriptionId(stripeId("sub", workspaceId));
        subscriptions.add(subscription);
        return subscription;
    }

    void card(UUID workspaceId, String brand, String last4, int month, int year) {
        PaymentMethodsRecord card = new PaymentMethodsRecord();
        card.setWorkspaceId(workspaceId);
        card.setStripePaymentMethodId(stripeId("pm", workspaceId));
        card.setBrand(brand);
        card.setLast4(last4);
        card.setExpMonth((short) month);
        card.setExpYear((short) year);
        cards.add(card);
    }

    /**
     * 90 days of usage up to today in the workspace's zone ({@link DemoUsage}); `quietDay` of the previous month has
     * no usage (a zero point of the chart).
     */
    void usage(UUID workspaceId, ZoneId zone, long monthToDate, long min, long max, int quietDay) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate quiet = today.withDayOfMonth(1).minusMonths(1).withDayOfMonth(quietDay);
        List<CreditUsageDailyRecord> days = DemoUsage.daily(workspaceId, today, monthToDate, min, max, 90,
                new Random(workspaceId.getMostSignificantBits()));
        days.removeIf(day -> day.getDay().equals(quiet));
        usage.addAll(days);
    }

    /** `days` days of usage up to today in the workspace's zone ({@link DemoUsage}). */
    void usage(UUID workspaceId, ZoneId zone, long monthToDate, long min, long max, int days, Random random) {
        usage.addAll(DemoUsage.daily(workspaceId, LocalDate.now(clock.withZone(zone)), monthToDate, min, max, days,
                random));
    }

    void purchase(UUID workspaceId, Instant at, long credits, long amountMinor, CreditPurchaseSource source) {
        CreditPurchasesRecord purchase = new CreditPurchasesRecord();
        purchase.setId(DemoData.id("purchase:" + workspaceId + ":" + at + ":" + purchases.size()));
        purchase.setWorkspaceId(workspaceId);
        purchase.setPurchasedAt(at);
        purchase.setCredits(credits);
        purchase.setAmountMinor(amountMinor);
        purchase.setCurrency("EUR");
        purchase.setSource(source);
        purchase.setStripeCheckoutSessionId(source == CreditPurchaseSource.PURCHASE
                ? stripeId("cs", purchase.getId()) : null);
        purchases.add(purchase);
    }

    void balance(UUID workspaceId, long purchasedRemaining) {
        CreditBalancesRecord balance = new CreditBalancesRecord();
        balance.setWorkspaceId(workspaceId);
        balance.setPurchasedRemaining(purchasedRemaining);
        balances.add(balance);
    }

    /**
     * `count` invoices, one per period of `months` months, the newest (last in the list) for the period starting at
     * `currentStart`.
     */
    List<InvoicesRecord> invoices(UUID workspaceId, String prefix, Instant currentStart, int months, int count,
                                  long totalMinor, InvoiceStatus status) {
        int first = invoices.size();
        for (int i = count - 1; i >= 0; i--) {
            Instant start = plusMonths(currentStart, -months * i);
            InvoicesRecord invoice = new InvoicesRecord();
            String number = String.format("%s-%04d", prefix, count - i);
            invoice.setId(DemoData.id("invoice:" + workspaceId + ":" + number));
            invoice.setWorkspaceId(workspaceId);
            invoice.setNumber(number);
            invoice.setIssuedAt(start);
            invoice.setPeriodStart(start);
            invoice.setPeriodEnd(plusMonths(start, months));
            invoice.setTotalMinor(totalMinor);
            invoice.setCurrency("EUR");
            invoice.setStatus(status);
            String stripeId = stripeId("in", invoice.getId());
            invoice.setStripeInvoiceId(stripeId);
            invoice.setInvoicePdfUrl("https://pay.stripe.com/invoice/" + stripeId + "/pdf");
            invoice.setHostedInvoiceUrl("https://invoice.stripe.com/i/" + stripeId);
            invoices.add(invoice);
        }
        return invoices.subList(first, invoices.size());
    }

    /** Inserts the rows with jOOQ's batch insert, parents before children, in batches of {@value #BATCH}. */
    void insert(DSLContext db) {
        for (List<? extends TableRecord<?>> table : List.of(users, workspaces, members, subscriptions, cards, usage,
                purchases, balances, invoices)) {
            for (int from = 0; from < table.size(); from += BATCH) {
                db.batchInsert(table.subList(from, Math.min(from + BATCH, table.size()))).execute();
            }
        }
    }
}
