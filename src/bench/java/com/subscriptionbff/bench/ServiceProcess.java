package com.subscriptionbff.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The service under test, as its own JVM with a 256 MB heap, against the benchmark's PostgreSQL. */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    final URI base;
    final Duration startup;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServiceProcess(Process process, URI base, Duration startup) {
        this.process = process;
        this.base = base;
        this.startup = startup;
    }

    /** The pom's service.jvm-options, which spring-boot:run starts with too: the 256 MB heap, collector and headers. */
    static List<String> jvmOptions() {
        String options = System.getProperty("bench.service-jvm-options", "").strip();
        if (options.isEmpty()) {
            throw new IllegalStateException("-Dbench.service-jvm-options is not set: run the benchmark through "
                    + "./mvnw -Pbenchmark verify, which passes the pom's service.jvm-options");
        }
        return List.of(options.split("\\s+"));
    }

    static ServiceProcess start(Path jar, String jdbcUrl, int bulkWorkspaces, Path log) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions());
        // e.g. -Dbench.service-jvm-args="-XX:StartFlightRecording=filename=target/benchmark/service.jfr" to profile
        String extra = System.getProperty("bench.service-jvm-args", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        // actuator on the service's own port here (the service keeps it on a management port by default)
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--management.server.port=" + port));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        env.put("BFF_DEMO_ENABLED", "true");
        env.put("BFF_DEMO_BULK_WORKSPACES", Integer.toString(bulkWorkspaces));
        // the reads under test never call Stripe: no local Stripe holding every bulk subscription in the heap
        env.put("BFF_DEMO_STRIPE_EMULATOR", "false");
        long started = System.nanoTime();
        ServiceProcess service = new ServiceProcess(builder.start(), URI.create("http://localhost:" + port), null);
        long deadline = started + Duration.ofMinutes(15).toNanos();
        while (!service.ready()) {
            if (!service.process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the service did not start; see " + log);
            }
            Thread.sleep(500);
        }
        return new ServiceProcess(service.process, service.base, Duration.ofNanos(System.nanoTime() - started));
    }

    private boolean ready() {
        try {
            return get("/actuator/health/readiness").statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String token(String user) throws IOException, InterruptedException {
        String body = get("/demo/tokens/" + user).body();
        int start = body.indexOf("\"token\":\"") + 9;
        return body.substring(start, body.indexOf('"', start));
    }

    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * CPU time of the JIT compiler threads (C1, C2), from /proc: while they still use a noticeable share of the
     * service's CPU, the service is not yet at its steady speed. Zero where /proc is not there.
     */
    Duration jitCpu() {
        long ticks = 0;
        try (var threads = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (var thread : threads.toList()) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    // after the name: state is field 3; utime and stime are fields 14 and 15
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(ticks * 10); // USER_HZ is 100 on Linux
    }

    /** Waits until no request is in flight, so that counters read next cover whole requests only. */
    void awaitIdle() throws IOException, InterruptedException {
        double last = -1;
        while (true) {
            double served = metrics().get("graphql_request_seconds_count");
            if (served == last) {
                return;
            }
            last = served;
            Thread.sleep(300);
        }
    }

    /** Prometheus samples summed by metric name (labels dropped). */
    Map<String, Double> metrics() throws IOException, InterruptedException {
        Map<String, Double> sums = new HashMap<>();
        for (String line : get("/actuator/prometheus").body().lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String name = line.substring(0, line.indexOf('{') > 0 ? line.indexOf('{') : space);
            String labels = line.indexOf('{') > 0 ? line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1) : "";
            double value = Double.parseDouble(line.substring(space + 1));
            sums.merge(name, value, Double::sum);
            if (labels.contains("area=\"heap\"")) {
                sums.merge(name + ":heap", value, Double::sum);
            }
        }
        return sums;
    }

    /** Stops the service; one that does not stop within 20 s (say, out of heap) is killed, not left running. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
