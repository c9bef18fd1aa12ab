package com.subscriptionbff.security;

import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** No request body can take the heap: each endpoint refuses one beyond its bound with 413, before reading it. */
class RequestBodyLimitIT extends IntegrationTest {

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static HttpRequest.BodyPublisher sized(int bytes) {
        return HttpRequest.BodyPublishers.ofByteArray(("{\"x\":\"" + "a".repeat(bytes) + "\"}").getBytes());
    }

    /** Without a declared length: the client streams it chunked. */
    private static HttpRequest.BodyPublisher chunked(int bytes) {
        byte[] body = ("{\"x\":\"" + "a".repeat(bytes) + "\"}").getBytes();
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    @Test
    void aWebhookDeclaringA120MbBodyIsRefusedBeforeAByteOfItIsSent() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /stripe/webhooks HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Stripe-Signature: t=1,v1=00\r\nContent-Length: 120000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void aWebhookOverOneMegabyteIsRefusedWith413WithOrWithoutADeclaredLength() throws Exception {
        var declared = post("/stripe/webhooks", sized(1_100_000));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("1048576");
        assertThat(post("/stripe/webhooks", chunked(1_100_000)).statusCode()).isEqualTo(413);
        // within the bound, the webhook reads it and refuses the missing signature as before
        assertThat(post("/stripe/webhooks", chunked(900_000)).statusCode()).isEqualTo(400);
    }

    @Test
    void graphQlAndInternalEndpointsHaveTheirOwnBounds() throws Exception {
        assertThat(post("/graphql", sized(300_000)).statusCode()).isEqualTo(413);
        assertThat(post("/graphql", chunked(300_000)).statusCode()).isEqualTo(413);
        assertThat(post("/internal/credit-usage", sized(100_000)).statusCode()).isEqualTo(413);
        assertThat(post("/internal/credit-usage", chunked(100_000)).statusCode()).isEqualTo(413);
        // a small unauthenticated GraphQL body still meets authentication
        assertThat(post("/graphql", sized(10)).statusCode()).isEqualTo(401);
    }
}
