package com.subscriptionbff.demo.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator on loopback, over the JDK's own HTTP server: Stripe's API under /v1 for stripe-java, and the pages
 * of Checkout and the billing portal for the browser ({@link EmulatorPages}).
 */
final class EmulatorServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong requestIds = new AtomicLong();
    private StripeEmulator emulator;

    EmulatorServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("The Stripe emulator cannot listen on port " + port, e);
        }
        server.setExecutor(threads);
    }

    /** http://127.0.0.1:port, the API base and the pages' origin. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void start(StripeEmulator emulator) {
        this.emulator = emulator;
        EmulatorPages pages = new EmulatorPages(emulator);
        server.createContext("/v1/", this::api);
        server.createContext("/checkout/", pages::checkout);
        server.createContext("/portal/", pages::portal);
        server.start();
    }

    private void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> params = StripeJson.form(method.equals("POST") ? body
                    : exchange.getRequestURI().getRawQuery());
            var answer = emulator.handle(method, exchange.getRequestURI().getRawPath(), params,
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Authorization"));
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "application/json");
            headers.set("Request-Id", "req_emu" + requestIds.incrementAndGet());
            if (answer.replayed()) {
                headers.set("Idempotent-Replayed", "true");
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
