package com.subscriptionbff.demo;

import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.CreditPurchaseSource;
import com.subscriptionbff.db.enums.InvoiceStatus;
import com.subscriptionbff.db.enums.MemberRole;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.UUID;

import static com.subscriptionbff.demo.DemoCatalog.ENTERPRISE;
import static com.subscriptionbff.demo.DemoCatalog.FREE;
import static com.subscriptionbff.demo.DemoCatalog.TEAM_PRO;
import static com.subscriptionbff.demo.DemoCatalog.TEAM_STARTER;
import static com.subscriptionbff.demo.DemoRows.plusMonths;

/**
 * Synthetic workspaces for benchmarks (`bff.demo.bulk-workspaces`), on top of the showcase's catalog: ~8 members,
 * 24 invoices, 6 credit purchases and 30 to 90 days of usage each, plans and states spread over the catalog.
 * Deterministic for {@link DemoData#BULK_SEED} and the clock; inserted 500 workspaces at a time.
 */
@Component
@Conditional(DemoMode.class)
class BulkWorkspaces {

    private static final int CHUNK = 500;
    private static final UUID[] PLANS = {FREE, TEAM_STARTER, TEAM_PRO, ENTERPRISE};
    private static final long[] PRICES = {0, 15_900, 39_900, 149_000};
    private static final String[] ZONES = {"Europe/Paris", "America/New_York", "Asia/Tokyo", "Europe/London",
            "Pacific/Auckland", "America/Los_Angeles", "UTC"};

    private final DSLContext db;
    private final Clock clock;

    BulkWorkspaces(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Transactional
    void load(int workspaceCount) {
        long seed = DemoData.BULK_SEED;
        Random random = new Random(seed);
        Instant now = Instant.now(clock);
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        for (int chunkStart = 0; chunkStart < workspaceCount; chunkStart += CHUNK) {
            DemoRows rows = new DemoRows(clock);
            for (int n = chunkStart; n < Math.min(chunkStart + CHUNK, workspaceCount); n++) {
                UUID workspaceId = DemoData.bulkWorkspace(n);
                String zone = ZONES[random.nextInt(ZONES.length)];
                int plan = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
                String name = String.format("Bulk %05d %s", n, zone.substring(zone.indexOf('/') + 1));
                rows.workspace(workspaceId, name, zone);
                Instant start = today.minus(Duration.ofDays(random.nextInt(28)));
                BillingInterval interval = plan > 0 && random.nextInt(4) == 0 ? BillingInterval.YEAR
                        : BillingInterval.MONTH;
                SubscriptionStatus status = plan > 0 && random.nextInt(15) == 0 ? SubscriptionStatus.PAST_DUE
                        : SubscriptionStatus.ACTIVE;
                rows.subscription(workspaceId, PLANS[plan], interval, status, start,
                        plusMonths(start, interval == BillingInterval.YEAR ? 12 : 1), 0, 0);
                if (plan > 0) {
                    rows.card(workspaceId, "Visa", String.format("%04d", random.nextInt(10_000)),
                            1 + random.nextInt(12), 2027 + random.nextInt(4));
                }
                String prefix = "bulk-" + seed + "-" + n;
                int memberCount = 6 + random.nextInt(5);
                rows.extraMembers(workspaceId, prefix, memberCount, now.minus(Duration.ofDays(400))).getFirst()
                        .setRole(MemberRole.OWNER);
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
                    rows.invoices(workspaceId, "B" + n, start, 1, 24, PRICES[plan], InvoiceStatus.PAID);
                }
            }
            rows.insert(db);
        }
    }
}
