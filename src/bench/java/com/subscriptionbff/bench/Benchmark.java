package com.subscriptionbff.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

/**
 * The project's benchmark: `./mvnw -Pbenchmark verify`. Starts PostgreSQL 18, starts the service jar with a 256 MB
 * heap, which generates 10,000 workspaces, drives each scenario at concurrency 16 and 64, runs the same SQL through
 * pgbench as the ceiling, and writes target/benchmark/results.md.
 * Args: service jar, output folder. System properties: bench.workspaces, bench.warmup, bench.measure (seconds).
 */
public final class Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Row(Scenario scenario, int concurrency, LoadDriver.Result result, double statementsPerRequest,
               double serverCpuMillis, double postgresCpuMillis, double allocatedKbPerRequest, double heapAfterMb,
               Double pgbenchTps, Double pgbenchPostgresCpuMillis, List<Double> roundRatios,
               double compilerCpuPercent) {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        int workspaces = Integer.getInteger("bench.workspaces", 10_000);
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 5));
        Duration measure = Duration.ofSeconds(Integer.getInteger("bench.measure", 15));

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start()) {
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            System.out.printf("PostgreSQL on port %d; starting the service, which generates %d workspaces...%n",
                    postgres.getPort(), workspaces);
            try (ServiceProcess service = ServiceProcess.start(jar, jdbcUrl, workspaces, out.resolve("service.log"))) {
                System.out.printf("service ready in %.1f s (data generation included)%n", service.startup.toMillis() / 1e3);
                LoadDriver driver = new LoadDriver(service.base.resolve("/graphql"));
                WrkDriver wrk = WrkDriver.ifInstalled(service.base, out);
                System.out.println(wrk == null ? "closed loop: JVM driver (wrk not installed)" : "closed loop: wrk");
                Pgbench pgbench = new Pgbench(postgres.getPort(), out);
                String firstPageIds = firstPageIds(postgres);
                List<Scenario> scenarios = Scenario.selected(System.getProperty("bench.scenarios", ""));
                Map<Scenario, List<LoadDriver.Prepared>> prepared = new HashMap<>();
                for (Scenario scenario : scenarios) {
                    prepared.put(scenario, prepare(service, scenario, workspaces));
                }
                JitWarmup jit = warmUntilCompiled(service, driver, wrk, scenarios, prepared);
                HostSteal steal = HostSteal.start();
                List<Row> rows = new ArrayList<>();
                for (Scenario scenario : scenarios) {
                    List<LoadDriver.Prepared> requests = prepared.get(scenario);
                    for (int concurrency : Scenario.CONCURRENCY) {
                        rows.add(measure(service, driver, wrk, pgbench, scenario, requests, concurrency, warmup,
                                measure, workspaces, firstPageIds));
                        System.out.println(format(rows.getLast()));
                    }
                }
                // open loop at 70 % of what the Overview serves through the JVM driver, the open loop's own client:
                // that client shares the 2 cores, so wrk's best rate would be an overload (seen: it ran out of heap)
                boolean overview = scenarios.contains(Scenario.OVERVIEW);
                LoadDriver.Result jvmClosedLoop = overview
                        ? driver.closedLoop(prepared.get(Scenario.OVERVIEW), 16, warmup, Duration.ofSeconds(5)) : null;
                double rate = overview ? Math.max(1, Math.floor(jvmClosedLoop.requestsPerSecond() * 0.7)) : 0;
                LoadDriver.Result open = overview ? driver.openLoop(prepared.get(Scenario.OVERVIEW), rate, measure) : null;
                long tenStatements = statementsOf(service, driver, Scenario.STAFF_LIST_100, 10);
                long hundredStatements = statementsOf(service, driver, Scenario.STAFF_LIST_100, 100);
                String report = report(rows, open, rate, tenStatements, hundredStatements, workspaces, service, jit, warmup,
                        measure, steal.percent(), wrk == null ? "the JVM driver (virtual threads, java.net.http)" : "wrk (Debian's package)");
                Files.writeString(out.resolve("results.md"), report);
                System.out.println(report);
            }
        }
    }

    /** How long the JIT warm-up ran, and the compilers' share of the service's CPU in its last round. */
    record JitWarmup(Duration took, double lastCompilerShare) {
    }

    /**
     * The JIT compiles for minutes on 2 cores (C2 has one thread), and until it is done it takes CPU from the requests
     * and leaves them in slower code: a run measured 20 s after start showed three times the CPU per Overview of one
     * measured after 150 s. So every scenario runs in turn, 5 s each, until the compiler threads used less than
     * bench.jit-share (2 %) of the service's CPU in two rounds in a row, after at least bench.jit-warmup (20 s) and at most
     * bench.jit-warmup-max (600 s).
     */
    private static JitWarmup warmUntilCompiled(ServiceProcess service, LoadDriver driver, WrkDriver wrk,
                                               List<Scenario> scenarios,
                                               Map<Scenario, List<LoadDriver.Prepared>> prepared) throws Exception {
        Duration least = Duration.ofSeconds(Integer.getInteger("bench.jit-warmup", 20));
        Duration most = Duration.ofSeconds(Integer.getInteger("bench.jit-warmup-max", 600));
        double enough = Double.parseDouble(System.getProperty("bench.jit-share", "2")) / 100;
        long started = System.nanoTime();
        int quietRounds = 0;
        while (true) {
            Duration compilers = service.jitCpu();
            Duration cpu = service.cpu();
            // through the client that measures: another client's requests take other paths (headers, parsing)
            for (Scenario scenario : scenarios) {
                if (wrk == null) {
                    driver.closedLoop(prepared.get(scenario), 16, Duration.ofSeconds(5), Duration.ZERO);
                } else {
                    wrk.closedLoop(scenario.name().toLowerCase(Locale.ROOT), prepared.get(scenario), 16,
                            Duration.ofSeconds(5));
                }
            }
            // the counters are read between slices as when measuring: the scrape's code is compiled now, not then
            service.awaitIdle();
            service.metrics();
            double share = (double) (service.jitCpu().toNanos() - compilers.toNanos())
                    / Math.max(1, service.cpu().toNanos() - cpu.toNanos());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf(Locale.ROOT, "JIT warm-up %d s: compilers took %.1f %% of the service's CPU%n",
                    took.toSeconds(), 100 * share);
            // C2 compiles in bursts: one quiet round can come before another burst
            quietRounds = share < enough ? quietRounds + 1 : 0;
            if ((took.compareTo(least) >= 0 && quietRounds >= 2) || took.compareTo(most) >= 0) {
                return new JitWarmup(took, share);
            }
        }
    }

    /**
     * Alternates slices of the service's closed loop and of pgbench (bench.rounds of each), so that both see the same
     * machine: on a shared host the CPU other guests take (steal) changes within minutes. The ratio is the service's
     * requests/s over pgbench's transactions/s summed over the slices; the spread gives each round's own ratio.
     */
    private static Row measure(ServiceProcess service, LoadDriver driver, WrkDriver wrk, Pgbench pgbench,
                               Scenario scenario,
                               List<LoadDriver.Prepared> requests, int concurrency, Duration warmup, Duration measure,
                               int workspaces, String firstPageIds) throws Exception {
        // the warm-up runs outside the window the counters cover
        driver.closedLoop(requests, concurrency, warmup, Duration.ZERO);
        int rounds = Math.max(1, Integer.getInteger("bench.rounds", 3));
        Duration slice = measure.dividedBy(rounds);
        String name = scenario.name().toLowerCase(Locale.ROOT);
        long requestsDone = 0;
        long errors = 0;
        double seconds = 0;
        Histogram latency = new Histogram(3);
        double requestsServed = 0;
        double statements = 0;
        double allocatedBytes = 0;
        long serverCpuNanos = 0;
        long compilerCpuNanos = 0;
        long postgresCpuNanos = 0;
        double pgbenchTransactions = 0;
        double pgbenchSeconds = 0;
        long pgbenchPostgresCpuNanos = 0;
        List<Double> roundRatios = new ArrayList<>();
        Map<String, Double> after = Map.of();
        for (int round = 0; round < rounds; round++) {
            service.awaitIdle();
            Map<String, Double> before = service.metrics();
            Duration serverCpu = service.cpu();
            Duration compilerCpu = service.jitCpu();
            Duration postgresCpu = PostgresCpu.total();
            LoadDriver.Result result = wrk == null
                    ? driver.closedLoop(requests, concurrency, Duration.ZERO, slice)
                    : wrk.closedLoop(name, requests, concurrency, slice);
            service.awaitIdle();
            postgresCpuNanos += PostgresCpu.total().toNanos() - postgresCpu.toNanos();
            serverCpuNanos += service.cpu().toNanos() - serverCpu.toNanos();
            compilerCpuNanos += service.jitCpu().toNanos() - compilerCpu.toNanos();
            after = service.metrics();
            requestsServed += delta(before, after, "graphql_request_seconds_count");
            statements += delta(before, after, "bff_sql_statements_total");
            // counted by Micrometer at each young collection: many collections per run make it close
            allocatedBytes += delta(before, after, "jvm_gc_memory_allocated_bytes_total");
            requestsDone += result.requests();
            errors += result.errors();
            seconds += result.seconds();
            latency.add(result.latencyMicros());
            long backends = PostgresCpu.children();
            Duration postgresCpuBeforePgbench = PostgresCpu.total();
            Double tps = pgbench.tps(name, scenario.pgbenchScript(workspaces, firstPageIds), concurrency, slice);
            PostgresCpu.awaitReaped(backends);
            if (tps != null) {
                pgbenchPostgresCpuNanos += PostgresCpu.total().toNanos() - postgresCpuBeforePgbench.toNanos();
                pgbenchTransactions += tps * slice.toMillis() / 1e3;
                pgbenchSeconds += slice.toMillis() / 1e3;
                roundRatios.add(result.requestsPerSecond() / tps);
            }
        }
        return new Row(scenario, concurrency, new LoadDriver.Result(requestsDone, errors, seconds, latency),
                statements / requestsServed, serverCpuNanos / 1e6 / requestsServed,
                postgresCpuNanos / 1e6 / requestsServed, allocatedBytes / 1024 / requestsServed,
                after.getOrDefault("jvm_memory_used_bytes:heap", 0.0) / (1024 * 1024),
                pgbenchSeconds == 0 ? null : pgbenchTransactions / pgbenchSeconds,
                pgbenchTransactions == 0 ? null : pgbenchPostgresCpuNanos / 1e6 / pgbenchTransactions, roundRatios,
                100.0 * compilerCpuNanos / Math.max(1, serverCpuNanos));
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String metric) {
        return after.get(metric) - before.get(metric);
    }

    /** Request bodies and tokens for 2,000 random workspaces (one for the staff list), prepared before the clock runs. */
    private static List<LoadDriver.Prepared> prepare(ServiceProcess service, Scenario scenario, int workspaces)
            throws Exception {
        Random random = new Random(7);
        Map<String, String> tokens = new HashMap<>();
        List<LoadDriver.Prepared> prepared = new ArrayList<>();
        String document = scenario.document();
        int count = scenario == Scenario.STAFF_LIST_100 ? 1 : Math.min(2_000, workspaces);
        for (int i = 0; i < count; i++) {
            Scenario.Request request = scenario.request(scenario.randomWorkspace(random, workspaces));
            String token = tokens.computeIfAbsent(request.user(), user -> {
                try {
                    return service.token(user);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] body = JSON.writeValueAsBytes(Map.of("query", document, "variables", request.variables()));
            prepared.add(new LoadDriver.Prepared(token, body));
        }
        return prepared;
    }

    private static long statementsOf(ServiceProcess service, LoadDriver driver, Scenario scenario, int first)
            throws Exception {
        String token = service.token(com.subscriptionbff.demo.DemoData.STAFF);
        byte[] body = JSON.writeValueAsBytes(Map.of("query", scenario.document(), "variables", Map.of("first", first)));
        double before = service.metrics().get("bff_sql_statements_total");
        if (!driver.send(new LoadDriver.Prepared(token, body))) {
            throw new IllegalStateException("the staff list failed");
        }
        return Math.round(service.metrics().get("bff_sql_statements_total") - before);
    }

    private static String firstPageIds(EmbeddedPostgres postgres) throws Exception {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement();
             var rows = statement.executeQuery("select id from workspaces order by lower(name), id limit 100")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add("'" + rows.getString(1) + "'::uuid");
            }
            return String.join(", ", ids);
        }
    }

    private static String format(Row row) {
        LoadDriver.Result r = row.result();
        return String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f | %d | %.2f | %.2f | %.1f | %.2f | %.0f | %s | %s | %s | %.0f |",
                row.scenario().name().toLowerCase(Locale.ROOT), row.concurrency(), r.requestsPerSecond(),
                r.percentileMillis(50), r.percentileMillis(90), r.percentileMillis(99), r.errors(),
                row.statementsPerRequest(), row.serverCpuMillis(), row.compilerCpuPercent(), row.postgresCpuMillis(),
                row.allocatedKbPerRequest(),
                row.pgbenchTps() == null ? "n/a" : String.format(Locale.ROOT, "%.0f", row.pgbenchTps()),
                row.pgbenchPostgresCpuMillis() == null ? "n/a"
                        : String.format(Locale.ROOT, "%.2f", row.pgbenchPostgresCpuMillis()),
                row.pgbenchTps() == null ? "n/a"
                        : String.format(Locale.ROOT, "%.0f %% (%.0f–%.0f)", 100 * r.requestsPerSecond() / row.pgbenchTps(),
                        100 * row.roundRatios().stream().mapToDouble(Double::doubleValue).min().orElse(0),
                        100 * row.roundRatios().stream().mapToDouble(Double::doubleValue).max().orElse(0)),
                row.heapAfterMb());
    }

    private static String report(List<Row> rows, LoadDriver.Result open, double rate, long ten, long hundred,
                                 int workspaces, ServiceProcess service, JitWarmup jit, Duration warmup,
                                 Duration measure,
                                 double stealPercent, String closedLoopDriver) {
        StringBuilder text = new StringBuilder()
                .append("# Benchmark results\n\n")
                .append(String.format(Locale.ROOT, "Run %s on %d cores, Java %s. %d workspaces; service JVM options %s, "
                                + "started (data generation included) in %.1f s. The scenarios first ran in turn for %d s, until the JIT compilers took %.1f %% of the service's CPU (bench.jit-share: until it is below that share, the service is not at its steady speed); then per row a closed loop by %s: %d s warm-up, %d s measured in %d slices, each followed by a slice of pgbench running the same statements (`-M prepared`, same concurrency), so that both see the same machine; PostgreSQL's CPU per pgbench transaction stands next to its CPU per request of the service (same statements), counting the backends pgbench closed. BFF/pgbench: over all slices (lowest–highest slice). CPU stolen by the host's other guests while measuring: %.0f %%.%n%n",
                        Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                        workspaces, String.join(" ", ServiceProcess.jvmOptions()), service.startup.toMillis() / 1e3,
                        jit.took().toSeconds(),
                        100 * jit.lastCompilerShare(),
                        closedLoopDriver, warmup.toSeconds(), measure.toSeconds(),
                        Math.max(1, Integer.getInteger("bench.rounds", 3)), stealPercent))
                .append("| scenario | concurrency | req/s | p50 ms | p90 ms | p99 ms | errors | SQL/req | server CPU ms/req "
                        + "| of which JIT compilers % | PostgreSQL CPU ms/req | allocated KB/req | pgbench tps "
                        + "| PostgreSQL CPU ms/tx under pgbench | BFF/pgbench | heap after MB |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> text.append(format(row)).append('\n'));
        if (open != null) {
            text.append(String.format(Locale.ROOT, "%nOpen loop, overview at %.0f req/s (70 %% of the JVM driver's closed loop at 16, the open loop's own client) "
                            + "for %d s: %d requests, %d errors, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms (from when each was due).%n",
                    rate, measure.toSeconds(), open.requests(), open.errors(), open.percentileMillis(50),
                    open.percentileMillis(90), open.percentileMillis(99)));
        }
        text.append(String.format(Locale.ROOT, "%nStaff list: %d SQL statements for 10 workspaces, %d for 100.%n", ten, hundred));
        text.append("\nTargets:\n");
        for (Row row : rows) {
            if (row.scenario() == Scenario.OVERVIEW) {
                text.append(String.format(Locale.ROOT, "- overview at %d: %.2f SQL statements per request (target <= 6): %s; "
                                + "%s of pgbench (target >= 40 %%)%n", row.concurrency(), row.statementsPerRequest(),
                        row.statementsPerRequest() <= 6.0001 ? "met" : "NOT met",
                        row.pgbenchTps() == null ? "pgbench not run"
                                : String.format(Locale.ROOT, "%.0f %% %s", 100 * row.result().requestsPerSecond() / row.pgbenchTps(),
                                row.result().requestsPerSecond() >= 0.4 * row.pgbenchTps() ? "(met)" : "(NOT met)")));
            }
        }
        text.append(String.format(Locale.ROOT, "- list of 100 costs the same statements as a list of 10: %s%n",
                ten == hundred ? "met" : "NOT met"));
        long errors = rows.stream().mapToLong(row -> row.result().errors()).sum() + (open == null ? 0 : open.errors());
        text.append(String.format(Locale.ROOT, "- runs with a 256 MB heap: %s (%d errors in all runs)%n",
                errors == 0 ? "met" : "errors seen", errors));
        return text.toString();
    }

    /** The share of the machine's CPU time the hypervisor gave to other guests (steal, from /proc/stat). */
    record HostSteal(long[] startTimes) {
        static HostSteal start() {
            return new HostSteal(cpuTimes());
        }

        double percent() {
            long[] end = cpuTimes();
            if (startTimes.length < 8 || end.length < 8) {
                return 0;
            }
            long total = 0;
            for (int i = 0; i < end.length; i++) {
                total += end[i] - startTimes[i];
            }
            // user nice system idle iowait irq softirq steal ...
            return total > 0 ? 100.0 * (end[7] - startTimes[7]) / total : 0;
        }

        private static long[] cpuTimes() {
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long[] times = new long[Math.min(fields.length - 1, 8)];
                for (int i = 0; i < times.length; i++) {
                    times[i] = Long.parseLong(fields[i + 1]);
                }
                return times;
            } catch (Exception e) {
                return new long[0];
            }
        }
    }

    /**
     * CPU time of the embedded PostgreSQL: its live processes, plus the backends that have ended, which the postmaster
     * has reaped (its children's time in /proc, fields cutime and cstime). pgbench opens a backend per client and
     * closes it at the end: without the reaped ones its SQL looked 1.7 times cheaper per statement than the service's.
     */
    static final class PostgresCpu {
        /** Linux reports /proc times in USER_HZ, 100 per second on every kernel configuration in use. */
        private static final long NANOS_PER_TICK = 10_000_000;

        static Duration total() {
            List<ProcessHandle> processes = processes();
            Duration live = processes.stream()
                    .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                    .reduce(Duration.ZERO, Duration::plus);
            return postmaster(processes).map(p -> live.plusNanos(reapedChildrenTicks(p) * NANOS_PER_TICK)).orElse(live);
        }

        /**
         * Waits (at most 5 s) until the postmaster has no more children than before: a client's backend ends after the
         * client has gone, and until it is reaped its CPU time is counted nowhere.
         */
        static void awaitReaped(long children) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (children() > children && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        static long children() {
            return postmaster(processes()).map(p -> p.children().count()).orElse(0L);
        }

        private static List<ProcessHandle> processes() {
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.contains("embedded-pg") && c.endsWith("/postgres"))
                            .orElse(false))
                    .toList();
        }

        /** The one whose parent is not a PostgreSQL process. */
        private static Optional<ProcessHandle> postmaster(List<ProcessHandle> processes) {
            return processes.stream()
                    .filter(p -> p.parent().map(parent -> !processes.contains(parent)).orElse(true))
                    .findFirst();
        }

        private static long reapedChildrenTicks(ProcessHandle postmaster) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(postmaster.pid()), "stat"));
                // after the command in parentheses: field 3 (state) onwards; cutime and cstime are fields 16 and 17
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            } catch (Exception e) {
                return 0;
            }
        }
    }

    /** pgbench from the PostgreSQL client packages, if installed: the ceiling of the same SQL. */
    static final class Pgbench {
        private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
        private final int port;
        private final Path out;

        Pgbench(int port, Path out) {
            this.port = port;
            this.out = out;
        }

        Double tps(String name, String script, int clients, Duration duration) throws Exception {
            Path file = out.resolve("pgbench-" + name + ".sql");
            Files.writeString(file, script);
            ProcessBuilder builder = new ProcessBuilder("pgbench", "-n", "-M", "prepared", "-c", Integer.toString(clients),
                    "-j", "2", "-T", Long.toString(duration.toSeconds()), "-f", file.toString(), "-h", "localhost",
                    "-p", Integer.toString(port), "-U", "postgres", "postgres").redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", "postgres");
            Process process;
            try {
                process = builder.start();
            } catch (java.io.IOException e) {
                System.out.println("pgbench is not installed (apt-get install postgresql-client): no ceiling");
                return null;
            }
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS);
            Files.writeString(out.resolve("pgbench-" + name + "-" + clients + ".log"), output);
            Matcher matcher = TPS.matcher(output);
            if (!matcher.find()) {
                System.out.println("pgbench failed:\n" + output);
                return null;
            }
            return Double.parseDouble(matcher.group(1));
        }
    }
}
