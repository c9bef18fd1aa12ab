package com.subscriptionbff.demo;

import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.CancellationReason;
import com.subscriptionbff.db.enums.CreditPurchaseSource;
import com.subscriptionbff.db.enums.DeactivationReason;
import com.subscriptionbff.db.enums.InvoiceStatus;
import com.subscriptionbff.db.enums.MemberRole;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.db.tables.records.MembersRecord;
import com.subscriptionbff.db.tables.records.SubscriptionsRecord;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static com.subscriptionbff.demo.DemoCatalog.FREE;
import static com.subscriptionbff.demo.DemoCatalog.TEAM_PRO;
import static com.subscriptionbff.demo.DemoCatalog.TEAM_STARTER;
import static com.subscriptionbff.demo.DemoRows.plusMonths;

/**
 * The catalog and the showcase: the users of {@link DemoData} and one workspace per state the page renders
 * (README, "The demo data"), relative to the service clock.
 */
@Component
@Conditional(DemoMode.class)
class ShowcaseWorkspaces {

    private final DSLContext db;
    private final Clock clock;

    ShowcaseWorkspaces(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Transactional
    void load() {
        DemoRows rows = new DemoRows(clock);
        Instant now = Instant.now(clock);
        Instant today = now.truncatedTo(ChronoUnit.DAYS);

        rows.user(DemoData.OWNER, "alice.martin@acme.example", "Alice Martin", false);
        rows.user(DemoData.ADMIN, "bob.durand@acme.example", "Bob Durand", false);
        rows.user(DemoData.MEMBER, "carol.petit@acme.example", "Carol Petit", false);
        rows.user(DemoData.OUTSIDER, "oscar@wayne.example", "Oscar Wayne", false);
        rows.user(DemoData.STAFF, "sam@support.example", "Sam Support", true);
        rows.user(DemoData.FORMER_MEMBER, "frank.moreau@acme.example", "Frank Moreau", false);

        // Acme: monthly, card, add-ons; 22.6M of 28M credits left (80.61 %)
        Instant acmeStart = today.minus(Duration.ofDays(12));
        rows.workspace(DemoData.ACME, "Acme Corp", "Europe/Paris");
        rows.subscription(DemoData.ACME, TEAM_STARTER, BillingInterval.MONTH, SubscriptionStatus.ACTIVE, acmeStart,
                plusMonths(acmeStart, 1), 2, 5_000_000);
        rows.card(DemoData.ACME, "Visa", "4242", 12, 2028);
        rows.member(DemoData.ACME, DemoData.OWNER, MemberRole.OWNER, now.minus(Duration.ofDays(400)));
        rows.member(DemoData.ACME, DemoData.ADMIN, MemberRole.ADMIN, now.minus(Duration.ofDays(300)));
        rows.member(DemoData.ACME, DemoData.MEMBER, MemberRole.MEMBER, now.minus(Duration.ofDays(200)));
        rows.extraMembers(DemoData.ACME, "acme", 2, now.minus(Duration.ofDays(100)));
        MembersRecord former = rows.member(DemoData.ACME, DemoData.FORMER_MEMBER, MemberRole.MEMBER,
                now.minus(Duration.ofDays(380)));
        former.setDeactivatedAt(now.minus(Duration.ofDays(30)));
        former.setDeactivationReason(DeactivationReason.REMOVED);
        rows.usage(DemoData.ACME, ZoneId.of("Europe/Paris"), 5_429_200, 300_000, 700_000, 20);
        rows.purchase(DemoData.ACME, now.minus(Duration.ofDays(44)), 2_000_000, 2_000, CreditPurchaseSource.PURCHASE);
        rows.purchase(DemoData.ACME, now.minus(Duration.ofDays(70)), 1_000_000, 0, CreditPurchaseSource.FREE_GRANT);
        rows.balance(DemoData.ACME, 3_000_000);
        rows.invoices(DemoData.ACME, "ACME", acmeStart, 1, 6, 23_900, InvoiceStatus.PAID);

        // Globex: annual
        Instant globexStart = today.minus(Duration.ofDays(100));
        rows.workspace(DemoData.GLOBEX, "Globex", "America/New_York");
        rows.subscription(DemoData.GLOBEX, TEAM_PRO, BillingInterval.YEAR, SubscriptionStatus.ACTIVE, globexStart,
                plusMonths(globexStart, 12), 0, 0);
        rows.card(DemoData.GLOBEX, "Mastercard", "5555", 3, 2027);
        rows.member(DemoData.GLOBEX, DemoData.OWNER, MemberRole.OWNER, now.minus(Duration.ofDays(500)));
        rows.extraMembers(DemoData.GLOBEX, "globex", 7, now.minus(Duration.ofDays(90)));
        rows.usage(DemoData.GLOBEX, ZoneId.of("America/New_York"), 18_250_000, 1_000_000, 2_500_000, 12);
        rows.balance(DemoData.GLOBEX, 0);
        rows.invoices(DemoData.GLOBEX, "GLOBEX", globexStart, 12, 2, 399_000, InvoiceStatus.PAID);

        // Initech: trialing, no card, 20 days left
        Instant trialStart = now.minus(Duration.ofDays(10));
        Instant trialEnd = now.plus(Duration.ofDays(20)).minus(Duration.ofHours(3));
        rows.workspace(DemoData.INITECH, "Initech", "Asia/Tokyo");
        SubscriptionsRecord trial = rows.subscription(DemoData.INITECH, TEAM_STARTER, BillingInterval.MONTH,
                SubscriptionStatus.TRIALING, trialStart, trialEnd, 0, 0);
        trial.setTrialStart(trialStart);
        trial.setTrialEnd(trialEnd);
        rows.member(DemoData.INITECH, DemoData.OWNER, MemberRole.OWNER, trialStart);
        rows.extraMembers(DemoData.INITECH, "initech", 2, trialStart.plus(Duration.ofDays(1)));
        rows.usage(DemoData.INITECH, ZoneId.of("Asia/Tokyo"), 1_200_000, 0, 150_000, 10);
        rows.balance(DemoData.INITECH, 0);

        // Umbrella: past due, expired card, an open invoice
        Instant umbrellaStart = today.minus(Duration.ofDays(5));
        rows.workspace(DemoData.UMBRELLA, "Umbrella", "Europe/London");
        rows.subscription(DemoData.UMBRELLA, TEAM_STARTER, BillingInterval.MONTH, SubscriptionStatus.PAST_DUE,
                umbrellaStart, plusMonths(umbrellaStart, 1), 0, 0).setPaymentFailingSince(umbrellaStart);
        rows.card(DemoData.UMBRELLA, "Visa", "0341", 1, 2026);
        rows.member(DemoData.UMBRELLA, DemoData.OWNER, MemberRole.OWNER, now.minus(Duration.ofDays(250)));
        rows.extraMembers(DemoData.UMBRELLA, "umbrella", 3, now.minus(Duration.ofDays(200)));
        rows.usage(DemoData.UMBRELLA, ZoneId.of("Europe/London"), 2_000_000, 200_000, 600_000, 8);
        rows.balance(DemoData.UMBRELLA, 0);
        var unpaid = rows.invoices(DemoData.UMBRELLA, "UMB", umbrellaStart, 1, 4, 15_900, InvoiceStatus.PAID).getLast();
        unpaid.setStatus(InvoiceStatus.OPEN);
        unpaid.setNextPaymentAttempt(today.plus(Duration.ofDays(2)));

        // Hooli: cancelled at period end, with a reason
        Instant hooliStart = today.minus(Duration.ofDays(20));
        rows.workspace(DemoData.HOOLI, "Hooli", "America/Los_Angeles");
        SubscriptionsRecord cancelled = rows.subscription(DemoData.HOOLI, TEAM_PRO, BillingInterval.MONTH,
                SubscriptionStatus.ACTIVE, hooliStart, plusMonths(hooliStart, 1), 0, 0);
        cancelled.setCancelAtPeriodEnd(true);
        cancelled.setCanceledAt(now.minus(Duration.ofDays(3)));
        cancelled.setCancellationReason(CancellationReason.TOO_EXPENSIVE);
        cancelled.setCancellationComment("Budget cuts for 2027, we will be back.");
        rows.card(DemoData.HOOLI, "American Express", "0005", 8, 2029);
        rows.member(DemoData.HOOLI, DemoData.OWNER, MemberRole.OWNER, now.minus(Duration.ofDays(600)));
        rows.extraMembers(DemoData.HOOLI, "hooli", 4, now.minus(Duration.ofDays(300)));
        rows.usage(DemoData.HOOLI, ZoneId.of("America/Los_Angeles"), 9_000_000, 500_000, 1_500_000, 20);
        rows.purchase(DemoData.HOOLI, now.minus(Duration.ofDays(15)), 5_000_000, 5_000, CreditPurchaseSource.PURCHASE);
        rows.balance(DemoData.HOOLI, 5_000_000);
        rows.invoices(DemoData.HOOLI, "HOOLI", hooliStart, 1, 5, 39_900, InvoiceStatus.PAID);

        // Pied Piper: free plan
        Instant pipedStart = today.minus(Duration.ofDays(3));
        rows.workspace(DemoData.PIED_PIPER, "Pied Piper", "Europe/Berlin");
        rows.subscription(DemoData.PIED_PIPER, FREE, BillingInterval.MONTH, SubscriptionStatus.ACTIVE, pipedStart,
                plusMonths(pipedStart, 1), 0, 0);
        rows.member(DemoData.PIED_PIPER, DemoData.OWNER, MemberRole.OWNER, now.minus(Duration.ofDays(40)));
        rows.extraMembers(DemoData.PIED_PIPER, "piper", 1, now.minus(Duration.ofDays(20)));
        rows.usage(DemoData.PIED_PIPER, ZoneId.of("Europe/Berlin"), 300_000, 0, 40_000, 3);
        rows.balance(DemoData.PIED_PIPER, 0);

        // Stark: 12 active members for 10 seats, in Pacific/Auckland; 14 invoices and 12 credit purchases
        Instant starkStart = today.minus(Duration.ofDays(25));
        rows.workspace(DemoData.STARK, "Stark Industries", "Pacific/Auckland");
        rows.subscription(DemoData.STARK, TEAM_STARTER, BillingInterval.MONTH, SubscriptionStatus.ACTIVE, starkStart,
                plusMonths(starkStart, 1), 0, 0);
        rows.card(DemoData.STARK, "Visa", "1881", 6, 2030);
        rows.member(DemoData.STARK, DemoData.OWNER, MemberRole.OWNER, now.minus(Duration.ofDays(700)));
        rows.extraMembers(DemoData.STARK, "stark", 11, now.minus(Duration.ofDays(60)));
        rows.usage(DemoData.STARK, ZoneId.of("Pacific/Auckland"), 14_000_000, 400_000, 900_000, 15);
        // a customer for 14 months who tops up 1M credits each month: the Billing tab has a page 2 at its default
        // size (10) for both invoices and credit purchases
        for (int month = 1; month <= 12; month++) {
            rows.purchase(DemoData.STARK, plusMonths(starkStart, -month).plus(Duration.ofDays(12)), 1_000_000, 1_000,
                    CreditPurchaseSource.PURCHASE);
        }
        rows.balance(DemoData.STARK, 0);
        rows.invoices(DemoData.STARK, "STARK", starkStart, 1, 14, 15_900, InvoiceStatus.PAID);

        // Wayne: the outsider's workspace
        Instant wayneStart = today.minus(Duration.ofDays(8));
        rows.workspace(DemoData.WAYNE, "Wayne Enterprises", "America/Chicago");
        rows.subscription(DemoData.WAYNE, TEAM_STARTER, BillingInterval.MONTH, SubscriptionStatus.ACTIVE, wayneStart,
                plusMonths(wayneStart, 1), 0, 0);
        rows.card(DemoData.WAYNE, "Visa", "9999", 10, 2031);
        rows.member(DemoData.WAYNE, DemoData.OUTSIDER, MemberRole.OWNER, now.minus(Duration.ofDays(100)));
        rows.usage(DemoData.WAYNE, ZoneId.of("America/Chicago"), 4_000_000, 100_000, 800_000, 30);
        rows.balance(DemoData.WAYNE, 0);

        DemoCatalog.insert(db);
        rows.insert(db);
    }
}
