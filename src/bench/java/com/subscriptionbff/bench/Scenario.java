package com.subscriptionbff.bench;

import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.demo.DemoData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the benchmark asks: a shipped GraphQL document with its variables for a random workspace, and the SQL the
 * service runs for it, as a pgbench script (the ceiling the service is compared with).
 */
enum Scenario {

    OVERVIEW("overview", """
            \\set n random(0, %1$d)
            select w.id, w.name, w.time_zone, m.role from workspaces w join users u on u.id = 'bulk-42-' || :n::text || '-user-1' left join members m on (m.workspace_id = w.id and m.user_id = u.id and m.deactivated_at is null) where w.id = ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid and (m.id is not null or u.staff);
            select w.id, (select count(*) from members m where m.workspace_id = w.id and m.deactivated_at is null), coalesce(p.included_seats, 0), coalesce(s.extra_seats, 0), s.id is not null and s.status <> 'CANCELED' from workspaces w left join subscriptions s on s.workspace_id = w.id left join plans p on p.id = s.plan_id where w.id in (('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid);
            select k.workspace_id, (select coalesce(sum(u.credits), 0) from credit_usage_daily u where u.workspace_id = k.workspace_id and u.day >= k.month_start), case when s.status = 'CANCELED' then 0 else coalesce(p.included_monthly_credits, 0) end, case when s.status = 'CANCELED' then 0 else coalesce(s.extra_credits, 0) end, coalesce(b.purchased_remaining, 0), chart.day_offsets, chart.day_credits from (values (('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid, date_trunc('month', current_date)::date, current_date - 89, current_date)) as k (workspace_id, month_start, chart_from, today) left join subscriptions s on s.workspace_id = k.workspace_id left join plans p on p.id = s.plan_id left join credit_balances b on b.workspace_id = k.workspace_id left join lateral (select array_agg((u.day - k.chart_from) order by u.day) day_offsets, array_agg(u.credits order by u.day) day_credits from credit_usage_daily u where u.workspace_id = k.workspace_id and u.day between k.chart_from and k.today) chart on true;
            select workspace_id, brand, last4, exp_month, exp_year from payment_methods where workspace_id in (('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid);
            select s.id, s.workspace_id, s.status, s.billing_interval, s.current_period_start, s.current_period_end, s.cancel_at_period_end, s.ended_at, s.cancellation_reason, s.cancellation_comment, s.canceled_at, s.trial_start, s.trial_end, s.extra_seats, s.extra_credits, s.scheduled_billing_interval, s.scheduled_change_at, p.id, p.code, p.name, p.included_seats, p.included_monthly_credits, p.max_extra_seats, p.currency, p.monthly_price_minor, p.annual_price_minor, p.extra_seat_price_minor, p.extra_credits_price_minor, p.purchased_credits_price_minor, sp.id, sp.code, sp.name, sp.included_seats, sp.included_monthly_credits, sp.max_extra_seats, sp.currency, sp.monthly_price_minor, sp.annual_price_minor, sp.extra_seat_price_minor, sp.extra_credits_price_minor, sp.purchased_credits_price_minor from subscriptions s join plans p on p.id = s.plan_id left join plans sp on sp.id = s.scheduled_plan_id where s.workspace_id in (('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid);
            select 0, row_number() over (order by r.joined_at, r.id), r.id, r.display_name, r.email, r.role, r.joined_at, r.seat_rank from (select m.id, u.display_name, u.email, m.role, m.joined_at, row_number() over (order by m.joined_at, m.id) as seat_rank from members m join users u on u.id = m.user_id where m.workspace_id = ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid and m.deactivated_at is null) r where (r.joined_at, r.id) > (coalesce(null::timestamptz, '-infinity'::timestamptz), coalesce(null::uuid, '00000000-0000-0000-0000-000000000000'::uuid)) order by r.joined_at, r.id fetch next 21 rows only;
            """),

    INVOICES_FIRST_PAGE("invoices", """
            \\set n random(0, %1$d)
            select w.id, w.name, w.time_zone, m.role from workspaces w join users u on u.id = 'bulk-42-' || :n::text || '-user-1' left join members m on (m.workspace_id = w.id and m.user_id = u.id and m.deactivated_at is null) where w.id = ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid and (m.id is not null or u.staff);
            select 0, row_number() over (order by i.issued_at desc, i.id desc), i.id, i.number, i.issued_at, i.period_start, i.period_end, i.total_minor, i.currency, i.status, i.invoice_pdf_url, i.hosted_invoice_url from invoices i where i.workspace_id = ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid order by i.issued_at desc, i.id desc fetch next 11 rows only;
            select 0, count(*) from invoices i where i.workspace_id = ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid;
            """),

    STAFF_LIST_100("staffWorkspaces", """
            select id, email, display_name, staff from users where id = 'demo-staff';
            select id, name, time_zone, null from workspaces order by lower(name), id fetch next 101 rows only;
            select count(*) from workspaces;
            select w.id, (select count(*) from members m where m.workspace_id = w.id and m.deactivated_at is null), coalesce(p.included_seats, 0), coalesce(s.extra_seats, 0), s.id is not null and s.status <> 'CANCELED' from workspaces w left join subscriptions s on s.workspace_id = w.id left join plans p on p.id = s.plan_id where w.id in (%2$s);
            select workspace_id, brand, last4, exp_month, exp_year from payment_methods where workspace_id in (%2$s);
            select k.workspace_id, (select coalesce(sum(u.credits), 0) from credit_usage_daily u where u.workspace_id = k.workspace_id and u.day >= k.month_start), case when s.status = 'CANCELED' then 0 else coalesce(p.included_monthly_credits, 0) end, case when s.status = 'CANCELED' then 0 else coalesce(s.extra_credits, 0) end, coalesce(b.purchased_remaining, 0), chart.day_offsets, chart.day_credits from (values %3$s) as k (workspace_id, month_start, chart_from, today) left join subscriptions s on s.workspace_id = k.workspace_id left join plans p on p.id = s.plan_id left join credit_balances b on b.workspace_id = k.workspace_id left join lateral (select array_agg((u.day - k.chart_from) order by u.day) day_offsets, array_agg(u.credits order by u.day) day_credits from credit_usage_daily u where u.workspace_id = k.workspace_id and u.day between k.chart_from and k.today) chart on true;
            select s.id, s.workspace_id, s.status, s.billing_interval, s.current_period_start, s.current_period_end, s.cancel_at_period_end, s.ended_at, s.cancellation_reason, s.cancellation_comment, s.canceled_at, s.trial_start, s.trial_end, s.extra_seats, s.extra_credits, s.scheduled_billing_interval, s.scheduled_change_at, p.id, p.code, p.name, p.included_seats, p.included_monthly_credits, p.max_extra_seats, p.currency, p.monthly_price_minor, p.annual_price_minor, p.extra_seat_price_minor, p.extra_credits_price_minor, p.purchased_credits_price_minor, sp.id, sp.code, sp.name, sp.included_seats, sp.included_monthly_credits, sp.max_extra_seats, sp.currency, sp.monthly_price_minor, sp.annual_price_minor, sp.extra_seat_price_minor, sp.extra_credits_price_minor, sp.purchased_credits_price_minor from subscriptions s join plans p on p.id = s.plan_id left join plans sp on sp.id = s.scheduled_plan_id where s.workspace_id in (%2$s);
            """);

    final String documentName;
    private final String pgbenchTemplate;

    Scenario(String documentName, String pgbenchTemplate) {
        this.documentName = documentName;
        this.pgbenchTemplate = pgbenchTemplate;
    }

    String document() {
        try (var in = Scenario.class.getResourceAsStream("/graphql-allowlist/" + documentName + ".graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SQL statements the service runs for one request, as counted in the pgbench script. */
    long statementsInScript() {
        return pgbenchTemplate.lines().filter(line -> line.startsWith("select")).count();
    }

    /** @param firstPageIds the quoted ids of the staff list's first page, for the list's batched statements */
    String pgbenchScript(int workspaces, String firstPageIds) {
        // the credits statement takes the page's workspaces as VALUES rows: (id, month start, no chart, today)
        String firstPageRows = java.util.Arrays.stream(firstPageIds.split(", "))
                .map(id -> "(" + id + ", date_trunc('month', current_date)::date, null::date, current_date)")
                .collect(java.util.stream.Collectors.joining(", "));
        return pgbenchTemplate.formatted(workspaces - 1, firstPageIds, firstPageRows);
    }

    /** The user a request signs in as, and its variables, for bulk workspace n. */
    Request request(int n) {
        return switch (this) {
            case OVERVIEW -> new Request(DemoData.bulkOwner(n),
                    Map.of("id", GlobalId.of("Workspace", DemoData.bulkWorkspace(n)), "locale", "fr-FR"));
            case INVOICES_FIRST_PAGE -> new Request(DemoData.bulkOwner(n),
                    Map.of("id", GlobalId.of("Workspace", DemoData.bulkWorkspace(n)), "first", 10, "locale", "fr-FR"));
            case STAFF_LIST_100 -> new Request(DemoData.STAFF, Map.of("first", 100));
        };
    }

    int randomWorkspace(Random random, int workspaces) {
        return random.nextInt(workspaces);
    }

    record Request(String user, Map<String, Object> variables) {
    }

    static final List<Integer> CONCURRENCY = List.of(16, 64);

    /** The scenarios named in a comma-separated list (bench.scenarios), all of them when it is blank. */
    static List<Scenario> selected(String names) {
        if (names.isBlank()) {
            return List.of(values());
        }
        return java.util.Arrays.stream(names.split(",")).map(String::strip).map(Scenario::valueOf).toList();
    }
}
