package com.subscriptionbff.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The closed loop through wrk (Debian's package) when it is installed: a C load generator takes far less of the
 * 2 cores than the JVM driver, as pgbench's client does on the other side of the comparison.
 */
final class WrkDriver {

    private static final Pattern RESULT = Pattern.compile(
            "WRK_RESULT requests=(\\d+) errors=(\\d+) p50=(\\d+) p90=(\\d+) p99=(\\d+) seconds=([0-9.]+)");

    private final URI base;
    private final Path folder;

    private WrkDriver(URI base, Path folder) {
        this.base = base;
        this.folder = folder;
    }

    /** A wrk driver if wrk is installed and not turned off with -Dbench.driver=jvm; null otherwise. */
    static WrkDriver ifInstalled(URI base, Path folder) {
        if ("jvm".equals(System.getProperty("bench.driver"))) {
            return null;
        }
        try {
            Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            probe.waitFor(10, TimeUnit.SECONDS);
            return new WrkDriver(base, folder);
        } catch (Exception e) {
            return null;
        }
    }

    LoadDriver.Result closedLoop(String name, List<LoadDriver.Prepared> requests, int connections, Duration duration)
            throws Exception {
        Path script = script(name, requests);
        Process wrk = new ProcessBuilder("wrk", "-t", "2", "-c", Integer.toString(connections),
                "-d", duration.toSeconds() + "s", "--timeout", "30s", "-s", script.toString(),
                base.resolve("/graphql").toString()).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS);
        Matcher result = RESULT.matcher(output);
        if (!result.find()) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        // wrk reports percentiles, not a histogram: keep them as a three-point histogram
        Histogram latency = new Histogram(3);
        long p50 = Long.parseLong(result.group(3));
        long p90 = Long.parseLong(result.group(4));
        long p99 = Long.parseLong(result.group(5));
        latency.recordValueWithCount(Math.max(p50, 1), 50);
        latency.recordValueWithCount(Math.max(p90, 1), 40);
        latency.recordValueWithCount(Math.max(p99, 1), 9);
        latency.recordValueWithCount(Math.max(p99, 1), 1);
        return new LoadDriver.Result(Long.parseLong(result.group(1)), Long.parseLong(result.group(2)),
                Double.parseDouble(result.group(6)), latency);
    }

    /** A Lua script that sends the prepared requests in random order and counts GraphQL errors as errors. */
    private Path script(String name, List<LoadDriver.Prepared> requests) throws Exception {
        Path data = folder.resolve("wrk-" + name + "-requests.lua");
        StringBuilder lua = new StringBuilder("return {\n");
        for (LoadDriver.Prepared request : requests) {
            lua.append("{ token = [==[").append(request.token()).append("]==], body = [==[")
                    .append(new String(request.body(), StandardCharsets.UTF_8)).append("]==] },\n");
        }
        Files.writeString(data, lua.append("}\n"));
        Path script = folder.resolve("wrk-" + name + ".lua");
        Files.writeString(script, """
                local threads = {}
                function setup(thread) table.insert(threads, thread) end
                function init(args)
                  requests = dofile("%s")
                  errors = 0
                  math.randomseed(os.time())
                end
                function request()
                  local r = requests[math.random(#requests)]
                  return wrk.format("POST", nil, { ["Content-Type"] = "application/json",
                    ["Authorization"] = "Bearer " .. r.token }, r.body)
                end
                function response(status, headers, body)
                  if status ~= 200 or string.find(body, '"errors"', 1, true) then errors = errors + 1 end
                end
                function done(summary, latency, requests)
                  local e = summary.errors.connect + summary.errors.read + summary.errors.write
                          + summary.errors.status + summary.errors.timeout
                  for _, t in ipairs(threads) do e = e + t:get("errors") end
                  io.write(string.format("WRK_RESULT requests=%%d errors=%%d p50=%%d p90=%%d p99=%%d seconds=%%.3f\\n",
                    summary.requests, e, latency:percentile(50), latency:percentile(90), latency:percentile(99),
                    summary.duration / 1e6))
                end
                """.formatted(data.toAbsolutePath()));
        return script;
    }
}
