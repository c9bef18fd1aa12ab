package com.subscriptionbff.security;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What a bearer token must be, and what a valid one of someone the service does not know gets. */
class TokensIT extends IntegrationTest {

    private HttpResponse<String> query(String token, String query) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static JwtClaimsSet.Builder demoClaims() {
        Instant now = Instant.now();
        return JwtClaimsSet.builder().issuer("subscription-bff-demo").issuedAt(now);
    }

    @Test
    void aTokenWithoutAnExpiryIsRefusedWith401() throws Exception {
        var response = query(tokens.sign(demoClaims().subject(DemoData.OWNER).build()), "{ viewer { id } }");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.body()).contains("exp");
    }

    @Test
    void aTokenWithoutASubjectOrWithAnEmptyOneIsRefusedWith401() throws Exception {
        Instant expires = Instant.now().plus(1, ChronoUnit.HOURS);
        var noSubject = query(tokens.sign(demoClaims().expiresAt(expires).build()), "{ viewer { id } }");
        assertThat(noSubject.statusCode()).isEqualTo(401);
        assertThat(noSubject.body()).contains("sub").doesNotContain("\"data\"");
        var emptySubject = query(tokens.sign(demoClaims().subject("").expiresAt(expires).build()), "{ viewer { id } }");
        assertThat(emptySubject.statusCode()).isEqualTo(401);
    }

    /** A header as the bytes a client sends, ISO-8859-1 as Tomcat reads them: the answer's status line. */
    private String statusWithAuthorization(byte[] headerValue) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            String body = "{\"query\":\"{ viewer { id } }\"}";
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\nConnection: close\r\nAuthorization: ").getBytes(StandardCharsets.US_ASCII));
            out.write(headerValue);
            out.write(("\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
        }
    }

    @Test
    void aHeaderWithAControlCharacterIsRefusedWith400AndAnAccentedOneMeetsAuthentication() throws Exception {
        // 0x85 is NEL, a C1 control character, which Tomcat lets through and the firewall does not
        assertThat(statusWithAuthorization(new byte[]{'B', 'e', 'a', 'r', 'e', 'r', ' ', 'a', (byte) 0x85, 'b'}))
                .startsWith("HTTP/1.1 400");
        // 0xE9 is é: an assigned character, so the request reaches authentication, which refuses the token
        assertThat(statusWithAuthorization(new byte[]{'B', 'e', 'a', 'r', 'e', 'r', ' ', 'a', (byte) 0xE9, 'b'}))
                .startsWith("HTTP/1.1 401");
    }

    @Test
    void aBearerHeaderOver8KbGetsAJson401NotAnHtmlPage() throws Exception {
        var response = query("a".repeat(9 * 1024), "{ viewer { id } }");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.body()).contains("8192").doesNotContain("<html");
    }

    @Test
    void anExpiredTokenIsRefusedWith401() throws Exception {
        Instant past = Instant.now().minus(2, ChronoUnit.HOURS);
        var response = query(tokens.issue(DemoData.OWNER, past, past.plus(1, ChronoUnit.HOURS)), "{ viewer { id } }");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    }

    @Test
    void someoneTheServiceDoesNotKnowYetIsAViewerWithNoWorkspacesAndSeesNoWorkspace() throws Exception {
        Instant expires = Instant.now().plus(1, ChronoUnit.HOURS);
        String newcomer = tokens.sign(demoClaims().subject("idp|newcomer-42").expiresAt(expires)
                .claim("email", "newcomer@example.com").claim("name", "Nina Newcomer").build());
        var viewer = query(newcomer, "{ viewer { email displayName isStaff workspaces { id } } }");
        assertThat(viewer.statusCode()).isEqualTo(200);
        assertThat(viewer.body()).doesNotContain("errors")
                .contains("\"email\":\"newcomer@example.com\"").contains("\"displayName\":\"Nina Newcomer\"")
                .contains("\"isStaff\":false").contains("\"workspaces\":[]");
        var acme = query(newcomer, "{ workspace(id: \\\"" + workspaceId(DemoData.ACME) + "\\\") { name } }");
        assertThat(acme.statusCode()).isEqualTo(200);
        assertThat(acme.body()).contains("NOT_FOUND").doesNotContain("Acme");
        String bare = tokens.sign(demoClaims().subject("idp|no-claims").expiresAt(expires).build());
        assertThat(query(bare, "{ viewer { email displayName } }").body())
                .contains("\"email\":\"\"").contains("\"displayName\":\"idp|no-claims\"");
    }
}
