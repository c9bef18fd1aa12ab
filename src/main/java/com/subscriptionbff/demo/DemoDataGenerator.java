package com.subscriptionbff.demo;

import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.CancellationReason;
import com.subscriptionbff.db.enums.CreditPurchaseSource;
import com.subscriptionbff.db.enums.DeactivationReason;
import com.subscriptionbff.db.enums.InvoiceStatus;
import com.subscriptionbff.db.enums.MemberRole;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.db.tables.records.CreditBalancesRecord;
import com.subscriptionbff.db.tables.records.CreditPurchasesRecord;
import com.subscriptionbff.db.tables.records.CreditUsageDailyRecord;
import com.subscriptionbff.db.tables.records.InvoicesRecord;
import com.subscriptionbff.db.tables.records.MembersRecord;
import com.subscriptionbff.db.tables.records.PaymentMethodsRecord;
import com.subscriptionbff.db.tables.records.PlansRecord;
import com.subscriptionbff.db.tables.records.SubscriptionsRecord;
import com.subscriptionbff.db.tables.records.UsersRecord;
import com.subscriptionbff.db.tables.records.WorkspacesRecord;
import org.jooq.DSLContext;
import org.jooq.TableRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.WORKSPACES;

/**
 * Deterministic demo data, relative to the service clock: the showcase workspaces of {@link DemoData}, and on
 * request a bulk set of synthetic workspaces for benchmarks. Same clock and seed, same rows.
 */
@Component
public class DemoDataGenerator {

    static final UUID FREE = DemoData.id("plan:free");
    static final UUID TEAM_STARTER = DemoData.id("plan:team-starter");
    static final UUID TEAM_PRO = DemoData.id("plan:team-pro");
    static final UUID ENTERPRISE = DemoData.id("plan:enterprise");
    private static final int BATCH = 2_000;

    private final DSLContext db;
    private final Clock clock;

    DemoDataGenerator(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public boolean isEmpty() {
        return db.fetchCount(WORKSPACES) == 0;
    }

    @Transactional
    public void loadShowcase() {
        Batch rows = new Batch();
        plans(rows);
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
                plusMonths(acmeStart, 1), 2, 5_000_000, null);
        rows.card(DemoData.ACME, "Visa", "4242", 12, 2028);
        rows.member(DemoData.ACME, DemoData.OWNER, MemberRole.OWNER, now.minus(Duration.ofDays(400)));
        rows.member(DemoData.ACME, DemoData.ADMIN, MemberRole.ADMIN, now.minus(Duration.ofDays(300)));
        rows.member(DemoData.ACME, DemoData.MEMBER, MemberRole.MEMBER, now.minus(Duration.ofDays(200)));
        rows.extraMembers(DemoData.ACME, "acme", 2, now.minus(Duration.ofDays(100)));
        rows.deactivatedMember(DemoData.ACME, DemoData.FORMER_MEMBER, now.minus(Duration.ofDays(380)),
                now.minus(Duration.ofDays(30)));
        rows.usage(DemoData.ACME, ZoneId.of("Europe/Paris"), 5_429_200, 300_000, 700_000, 20);
        rows.purchase(DemoData.ACME, now.minus(Duration.ofDays(44)), 2_000_000, 2_000, CreditPurchaseSource.PURCHASE);
        rows.purchase(DemoData.ACME, now.minus(Duration.ofDays(70)), 1_000_000, 0, CreditPurchaseSource.FREE_GRANT);
        rows.balance(DemoData.ACME, 3_000_000);
        rows.invoices(DemoData.ACME, "ACME", acmeStart, 1, 6, 23_900, InvoiceStatus.PAID);

        // Globex: annual
        Instant globexStart = today.minus(Duration.ofDays(100));
        rows.workspace(DemoData.GLOBEX, "Globex", "America/New_York");
        rows.subscription(DemoData.GLOBEX, TEAM_PRO, BillingInterval.YEAR, SubscriptionStatus.ACTIVE, globexStart,
                plusMonths(globexStart, 12), 0, 0, null);
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
                SubscriptionStatus.TRIALING, trialStart, trialEnd, 0, 0, null);
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
                umbrellaStart, plusMonths(umbrellaStart, 1), 0, 0, null);
        rows.card(DemoData.UMBRELLA, "Visa", "0341", 1, 2026);
        rows.member(DemoData.UMBRELLA, DemoData.OWNER, MemberRole.OWNER, now.minus(Duration.ofDays(250)));
        rows.extraMembers(DemoData.UMBRELLA, "umbrella", 3, now.minus(Duration.ofDays(200)));
        rows.usage(DemoData.UMBRELLA, ZoneId.of("Europe/London"), 2_000_000, 200_000, 600_000, 8);
        rows.balance(DemoData.UMBRELLA, 0);
        rows.invoices(DemoData.UMBRELLA, "UMB", umbrellaStart, 1, 4, 15_900, InvoiceStatus.PAID);
        rows.invoices.getLast().setStatus(InvoiceStatus.OPEN);

        // Hooli: cancelled at period end, with a reason
        Instant hooliStart = today.minus(Duration.ofDays(20));
        rows.workspace(DemoData.HOOLI, "Hooli", "America/Los_Angeles");
        SubscriptionsRecord cancelled = rows.subscription(DemoData.HOOLI, TEAM_PRO, BillingInterval.MONTH,
                SubscriptionStatus.ACTIVE, hooliStart, plusMonths(hooliStart, 1), 0, 0, null);
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
                plusMonths(pipedStart, 1), 0, 0, null);
        rows.member(DemoData.PIED_PIPER, DemoData.OWNER, MemberRole.OWNER, now.minus(Duration.ofDays(40)));
        rows.extraMembers(DemoData.PIED_PIPER, "piper", 1, now.minus(Duration.ofDays(20)));
        rows.usage(DemoData.PIED_PIPER, ZoneId.of("Europe/Berlin"), 300_000, 0, 40_000, 3);
        rows.balance(DemoData.PIED_PIPER, 0);

        // Stark: 12 active members for 10 seats, in Pacific/Auckland
        Instant starkStart = today.minus(Duration.ofDays(25));
        rows.workspace(DemoData.STARK, "Stark Industries", "Pacific/Auckland");
        rows.subscription(DemoData.STARK, TEAM_STARTER, BillingInterval.MONTH, SubscriptionStatus.ACTIVE, starkStart,
                plusMonths(starkStart, 1), 0, 0, null);
        rows.card(DemoData.STARK, "Visa", "1881", 6, 2030);
        rows.member(DemoData.STARK, DemoData.OWNER, MemberRole.OWNER, now.minus(Duration.ofDays(700)));
        rows.extraMembers(DemoData.STARK, "stark", 11, now.minus(Duration.ofDays(60)));
        rows.usage(DemoData.STARK, ZoneId.of("Pacific/Auckland"), 14_000_000, 400_000, 900_000, 15);
        rows.balance(DemoData.STARK, 0);
        rows.invoices(DemoData.STARK, "STARK", starkStart, 1, 3, 15_900, InvoiceStatus.PAID);

        // Wayne: the outsider's workspace
        Instant wayneStart = today.minus(Duration.ofDays(8));
        rows.workspace(DemoData.WAYNE, "Wayne Enterprises", "America/Chicago");
        rows.subscription(DemoData.WAYNE, TEAM_STARTER, BillingInterval.MONTH, SubscriptionStatus.ACTIVE, wayneStart,
                plusMonths(wayneStart, 1), 0, 0, null);
        rows.card(DemoData.WAYNE, "Visa", "9999", 10, 2031);
        rows.member(DemoData.WAYNE, DemoData.OUTSIDER, MemberRole.OWNER, now.minus(Duration.ofDays(100)));
        rows.usage(DemoData.WAYNE, ZoneId.of("America/Chicago"), 4_000_000, 100_000, 800_000, 30);
        rows.balance(DemoData.WAYNE, 0);

        rows.insert(db);
    }

    /**
     * Synthetic workspaces for benchmarks: ~8 members, 24 invoices, 6 credit purchases and 30 to 90 days of
     * usage each, plans and states spread over the catalog. Deterministic for a seed.
     */
    @Transactional
    public void loadBulk(int workspaceCount) {
        long seed = DemoData.BULK_SEED;
        Random random = new Random(seed);
        Instant now = Instant.now(clock);
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        UUID[] planIds = {FREE, TEAM_STARTER, TEAM_PRO, ENTERPRISE};
        long[] prices = {0, 15_900, 39_900, 149_000};
        String[] zones = {"Europe/Paris", "America/New_York", "Asia/Tokyo", "Europe/London", "Pacific/Auckland",
                "America/Los_Angeles", "UTC"};
        for (int chunkStart = 0; chunkStart < workspaceCount; chunkStart += 500) {
            Batch rows = new Batch();
            for (int n = chunkStart; n < Math.min(chunkStart + 500, workspaceCount); n++) {
                UUID workspaceId = DemoData.bulkWorkspace(n);
                String zone = zones[random.nextInt(zones.length)];
                int plan = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
                String name = String.format("Bulk %05d %s", n, zone.substring(zone.indexOf('/') + 1));
                rows.workspace(workspaceId, name, zone);
                Instant start = today.minus(Duration.ofDays(random.nextInt(28)));
                BillingInterval interval = plan > 0 && random.nextInt(4) == 0 ? BillingInterval.YEAR : BillingInterval.MONTH;
                SubscriptionStatus status = plan > 0 && random.nextInt(15) == 0 ? SubscriptionStatus.PAST_DUE
                        : SubscriptionStatus.ACTIVE;
                rows.subscription(workspaceId, planIds[plan], interval, status, start,
                        plusMonths(start, interval == BillingInterval.YEAR ? 12 : 1), 0, 0, null);
                if (plan > 0) {
                    rows.card(workspaceId, "Visa", String.format("%04d", random.nextInt(10_000)),
                            1 + random.nextInt(12), 2027 + random.nextInt(4));
                }
                String prefix = "bulk-" + seed + "-" + n;
                int memberCount = 6 + random.nextInt(5);
                rows.extraMembers(workspaceId, prefix, memberCount, now.minus(Duration.ofDays(400)));
                rows.members.get(rows.members.size() - memberCount).setRole(MemberRole.OWNER);
                int days = 30 + random.nextInt(61);
                rows.usage(workspaceId, ZoneId.of(zone), 0, 50_000, 600_000, days, random);
                long purchased = 0;
                for (int p = 0; p < 6; p++) {
                    long credits = (1 + random.nextInt(5)) * 1_000_000L;
                    purchased += credits;
                    rows.purchase(workspaceId, now.minus(Duration.ofDays(5 + random.nextInt(400))), credits,
                            credits / 1_000_000L * 1_000, CreditPurchaseSource.PURCHASE);
                }
                rows.balance(workspaceId, purchased / 2);
                if (plan > 0) {
                    rows.invoices(workspaceId, "B" + n, start, 1, 24, prices[plan], InvoiceStatus.PAID);
                }
            }
            rows.insert(db);
        }
    }

    private void plans(Batch rows) {
        rows.plan(FREE, "free", "Free", 1, 3, 1_000_000, 0, 0, null, null, null, 1_500L);
        rows.plan(TEAM_STARTER, "team-starter", "Team Starter", 2, 10, 20_000_000, 40, 15_900, 159_000L, 1_500L, 1_000L, 1_200L);
        rows.plan(TEAM_PRO, "team-pro", "Team Pro", 3, 25, 60_000_000, 100, 39_900, 399_000L, 1_200L, 800L, 1_000L);
        rows.plan(ENTERPRISE, "enterprise", "Enterprise", 4, 100, 300_000_000, 1_000, 149_000, 1_490_000L, 1_000L, 600L, 800L);
    }

    /** A Stripe-shaped id ("cus_…") unique per row. */
    private static String stripeId(String prefix, UUID id) {
        return prefix + "_" + id.toString().replace("-", "");
    }

    private static Instant plusMonths(Instant start, int months) {
        return start.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    /** Rows to insert, in foreign-key order. */
    private final class Batch {
        final List<PlansRecord> plans = new ArrayList<>();
        final List<UsersRecord> users = new ArrayList<>();
        final List<WorkspacesRecord> workspaces = new ArrayList<>();
        final List<MembersRecord> members = new ArrayList<>();
        final List<SubscriptionsRecord> subscriptions = new ArrayList<>();
        final List<PaymentMethodsRecord> cards = new ArrayList<>();
        final List<CreditUsageDailyRecord> usage = new ArrayList<>();
        final List<CreditPurchasesRecord> purchases = new ArrayList<>();
        final List<CreditBalancesRecord> balances = new ArrayList<>();
        final List<InvoicesRecord> invoices = new ArrayList<>();

        void plan(UUID id, String code, String name, int order, int seats, long credits, int maxExtraSeats,
                  long monthly, Long annual, Long extraSeat, Long extraCredits, long purchasedCredits) {
            PlansRecord plan = new PlansRecord();
            plan.setId(id);
            plan.setCode(code);
            plan.setName(name);
            plan.setCurrency("EUR");
            plan.setIncludedSeats(seats);
            plan.setIncludedMonthlyCredits(credits);
            plan.setMaxExtraSeats(maxExtraSeats);
            plan.setMonthlyPriceMinor(monthly);
            plan.setAnnualPriceMinor(annual);
            plan.setExtraSeatPriceMinor(extraSeat);
            plan.setExtraCreditsPriceMinor(extraCredits);
            String price = "price_" + code.replace('-', '_');
            plan.setStripeMonthlyPriceId(price + "_monthly");
            plan.setStripeAnnualPriceId(annual == null ? null : price + "_annual");
            plan.setStripeExtraSeatPriceId(extraSeat == null ? null : price + "_seat");
            plan.setStripeExtraCreditsPriceId(extraCredits == null ? null : price + "_credits");
            plan.setStripeExtraSeatAnnualPriceId(extraSeat == null || annual == null ? null : price + "_seat_annual");
            plan.setStripeExtraCreditsAnnualPriceId(extraCredits == null || annual == null ? null : price + "_credits_annual");
            plan.setPurchasedCreditsPriceMinor(purchasedCredits);
            plan.setStripePurchasedCreditsPriceId(price + "_credit_pack");
            plan.setDisplayOrder(order);
            plans.add(plan);
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

        void deactivatedMember(UUID workspaceId, String userId, Instant joinedAt, Instant deactivatedAt) {
            MembersRecord member = member(workspaceId, userId, MemberRole.MEMBER, joinedAt);
            member.setDeactivatedAt(deactivatedAt);
            member.setDeactivationReason(DeactivationReason.REMOVED);
        }

        /** `count` members with users of their own, joined one day apart from `firstJoined`. */
        void extraMembers(UUID workspaceId, String prefix, int count, Instant firstJoined) {
            for (int i = 1; i <= count; i++) {
                String userId = prefix + "-user-" + i;
                user(userId, userId + "@" + prefix + ".example", "Member " + i + " of " + prefix, false);
                member(workspaceId, userId, MemberRole.MEMBER, firstJoined.plus(Duration.ofDays(i)));
            }
        }

        SubscriptionsRecord subscription(UUID workspaceId, UUID planId, BillingInterval interval,
                                         SubscriptionStatus status, Instant start, Instant end, int extraSeats,
                                         long extraCredits, String stripeId) {
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
            subscription.setStripeSubscriptionId(stripeId != null ? stripeId
                    : stripeId("sub", workspaceId));
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
         * 90 days of usage up to today in the workspace's zone; the current month adds up to exactly
         * `monthToDate` (when positive). `quietDay` of the previous month has no usage (a zero point of the chart).
         */
        void usage(UUID workspaceId, ZoneId zone, long monthToDate, long min, long max, int quietDay) {
            usage(workspaceId, zone, monthToDate, min, max, 90, new Random(workspaceId.getMostSignificantBits()));
            LocalDate quiet = LocalDate.now(clock.withZone(zone)).withDayOfMonth(1).minusMonths(1).withDayOfMonth(quietDay);
            usage.removeIf(row -> row.getWorkspaceId().equals(workspaceId) && row.getDay().equals(quiet));
        }

        void usage(UUID workspaceId, ZoneId zone, long monthToDate, long min, long max, int days, Random random) {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            LocalDate monthStart = today.withDayOfMonth(1);
            List<CreditUsageDailyRecord> month = new ArrayList<>();
            for (LocalDate day = today.minusDays(days - 1L); !day.isAfter(today); day = day.plusDays(1)) {
                CreditUsageDailyRecord row = new CreditUsageDailyRecord();
                row.setWorkspaceId(workspaceId);
                row.setDay(day);
                row.setCredits(min + (long) (random.nextDouble() * (max - min)));
                usage.add(row);
                if (!day.isBefore(monthStart)) {
                    month.add(row);
                }
            }
            if (monthToDate > 0 && !month.isEmpty()) {
                // scale this month's days so they add up to monthToDate exactly
                long drawn = month.stream().mapToLong(CreditUsageDailyRecord::getCredits).sum();
                long assigned = 0;
                for (int i = 0; i < month.size() - 1; i++) {
                    long credits = month.get(i).getCredits() * monthToDate / Math.max(drawn, 1);
                    month.get(i).setCredits(credits);
                    assigned += credits;
                }
                month.getLast().setCredits(monthToDate - assigned);
            }
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

        /** `count` invoices, one per period of `months` months, the newest for the period starting at `currentStart`. */
        void invoices(UUID workspaceId, String prefix, Instant currentStart, int months, int count, long totalMinor,
                      InvoiceStatus status) {
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
        }

        void insert(DSLContext db) {
            for (List<? extends TableRecord<?>> table : List.of(plans, users, workspaces, members, subscriptions,
                    cards, usage, purchases, balances, invoices)) {
                for (int from = 0; from < table.size(); from += BATCH) {
                    db.batchInsert(table.subList(from, Math.min(from + BATCH, table.size()))).execute();
                }
            }
        }
    }
}
