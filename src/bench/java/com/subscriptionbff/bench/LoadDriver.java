package com.subscriptionbff.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives the service over HTTP. Closed loop: N virtual users, each sending its next request when the previous one
 * answered (throughput at a concurrency). Open loop: requests at a fixed rate whatever the answers, latency measured
 * from the moment each request was due (no coordinated omission).
 */
final class LoadDriver {

    record Prepared(String token, byte[] body) {
    }

    record Result(long requests, long errors, double seconds, Histogram latencyMicros) {
        double requestsPerSecond() {
            return requests / seconds;
        }

        double percentileMillis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI graphql;

    LoadDriver(URI graphql) {
        this.graphql = graphql;
    }

    Result closedLoop(List<Prepared> requests, int concurrency, Duration warmup, Duration measure)
            throws InterruptedException {
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long measureUntil = measureFrom + measure.toNanos();
        Recorder recorder = new Recorder(3);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Thread> users = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            users.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < measureUntil) {
                    Prepared request = requests.get(ThreadLocalRandom.current().nextInt(requests.size()));
                    long start = System.nanoTime();
                    boolean ok = send(request);
                    long end = System.nanoTime();
                    if (start >= measureFrom && end <= measureUntil) {
                        recorder.recordValue(Math.max(1, (end - start) / 1000));
                        done.incrementAndGet();
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                }
            }));
        }
        for (Thread user : users) {
            user.join();
        }
        return new Result(done.get(), errors.get(), measure.toNanos() / 1e9, recorder.getIntervalHistogram());
    }

    Result openLoop(List<Prepared> requests, double perSecond, Duration duration) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long period = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long total = (long) (perSecond * duration.toNanos() / 1e9);
        List<Thread> inFlight = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Prepared request = requests.get(ThreadLocalRandom.current().nextInt(requests.size()));
            inFlight.add(Thread.ofVirtual().start(() -> {
                boolean ok = send(request);
                recorder.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                done.incrementAndGet();
                if (!ok) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Thread thread : inFlight) {
            thread.join();
        }
        return new Result(done.get(), errors.get(), (System.nanoTime() - start) / 1e9, recorder.getIntervalHistogram());
    }

    /** One request; false for anything but a 200 without GraphQL errors. */
    boolean send(Prepared request) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(graphql)
                            .header("Authorization", "Bearer " + request.token())
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request.body())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().contains("\"errors\"");
        } catch (Exception e) {
            return false;
        }
    }
}
