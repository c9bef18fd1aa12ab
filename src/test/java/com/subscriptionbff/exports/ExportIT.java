package com.subscriptionbff.exports;

import com.subscriptionbff.exports.SignedLinks.SignedLink;
import com.subscriptionbff.invoices.InvoiceRepository;
import com.subscriptionbff.db.enums.InvoiceStatus;
import com.subscriptionbff.db.enums.MemberRole;
import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Export buttons of the Billing tab: a signed link, then a plain GET that streams CSV. */
class ExportIT extends IntegrationTest {

    @Autowired
    SignedLinks links;

    @Autowired
    DSLContext db;

    private String exportLink(String user, String mutation, UUID workspace) {
        var response = as(user).documentName(mutation).variable("id", workspaceId(workspace)).execute();
        response.errors().verify();
        response.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
        response.path(mutation + ".download.expiresAt").entity(Instant.class)
                .satisfies(expiry -> assertThat(expiry).isBetween(Instant.now(), Instant.now().plusSeconds(301)));
        return response.path(mutation + ".download.url").entity(String.class).get();
    }

    /** GET of an absolute link, or of a path on this service. */
    private HttpResponse<String> get(String link) throws Exception {
        String url = link.startsWith("http") ? link : "http://localhost:" + port + link;
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void behindAProxyTheLinkIsUnderTheOriginTheBrowserCalled() {
        var response = as(DemoData.MEMBER).mutate()
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "billing.example.com")
                .build()
                .documentName("exportInvoices").variable("id", workspaceId(DemoData.ACME)).execute();
        response.path("exportInvoices.download.url").entity(String.class)
                .satisfies(url -> assertThat(url).startsWith("https://billing.example.com/exports/invoices/"));
    }

    @Test
    void aMemberExportsTheInvoiceHistoryAsCsvWithRfc4180Quoting() throws Exception {
        UUID workspace = testData.workspace("Export Quoting GmbH", "Europe/Berlin", "export-quoting-owner");
        testData.member(workspace, "export-quoting-member", MemberRole.MEMBER);
        UUID tricky = testData.invoice(workspace, "F-\"Zürich, AG\" №1", Instant.parse("2026-10-31T23:30:00Z"),
                123_456, InvoiceStatus.OPEN);
        UUID plain = testData.invoice(workspace, "F-2", Instant.parse("2026-09-15T10:00:00Z"), 15_900, InvoiceStatus.PAID);

        String url = exportLink("export-quoting-member", "exportInvoices", workspace);
        assertThat(url).startsWith("http://localhost:" + port + "/exports/invoices/");
        var response = get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;").contains("invoices-");
        List<String> lines = List.of(response.body().split("\r\n", -1));
        assertThat(lines).containsExactly(
                "invoice_id,number,date,period_start,period_end,status,total,currency,pdf_url,hosted_url",
                com.subscriptionbff.common.GlobalId.of("Invoice", tricky)
                        + ",\"F-\"\"Zürich, AG\"\" №1\",2026-11-01,2026-11-01,2026-12-01,OPEN,1234.56,EUR,"
                        + "https://pay.stripe.com/invoice/" + tricky + "/pdf,https://invoice.stripe.com/i/" + tricky,
                com.subscriptionbff.common.GlobalId.of("Invoice", plain)
                        + ",F-2,2026-09-15,2026-09-15,2026-10-15,PAID,159.00,EUR,"
                        + "https://pay.stripe.com/invoice/" + plain + "/pdf,https://invoice.stripe.com/i/" + plain,
                "");
    }

    @Test
    void creditPurchasesExportAllRowsWithAmountsAsDecimals() throws Exception {
        var response = get(exportLink(DemoData.MEMBER, "exportCreditPurchases", DemoData.ACME));
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = List.of(response.body().split("\r\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("purchase_id,date,credits,amount,currency,source");
        assertThat(lines.get(1)).endsWith(",2026-10-02,2000000,20.00,EUR,PURCHASE");
        assertThat(lines.get(2)).endsWith(",2026-09-06,1000000,0.00,EUR,FREE_GRANT");
    }

    @ParameterizedTest
    @CsvSource({"exportInvoices, invoices-export, /exports/invoices/, exportCreditPurchases",
            "exportCreditPurchases, credit-purchases-export, /exports/credit-purchases/, exportInvoices"})
    void forgedExpiredMisdirectedOrRevokedLinksRevealNothing(String mutation, String purpose, String path,
                                                             String otherMutation) throws Exception {
        UUID workspace = testData.workspace("Export Guard " + purpose, "Europe/Paris", "export-guard-owner-" + purpose);
        String member = "export-guard-member-" + purpose;
        testData.member(workspace, member, MemberRole.MEMBER);
        String url = exportLink(member, mutation, workspace);
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(url).isEqualTo("http://localhost:" + port + path + token);
        assertThat(get(url).statusCode()).isEqualTo(200);

        String payload = token.substring(0, token.indexOf('.'));
        String otherSignature = links.sign(new SignedLink(purpose, DemoData.ACME, member, Instant.now().plusSeconds(60)));
        String forged = payload + otherSignature.substring(otherSignature.indexOf('.'));
        String expired = links.sign(new SignedLink(purpose, workspace, member, Instant.now().minusSeconds(1)));
        String otherWorkspace = links.sign(new SignedLink(purpose, DemoData.ACME, member, Instant.now().plusSeconds(60)));
        // the user id is not readable in the link: no part of it decodes to it
        for (String part : token.split("\\.")) {
            assertThat(new String(java.util.Base64.getUrlDecoder().decode(part), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain(member);
        }
        String[] parts = token.split("\\.");
        String[] otherParts = otherWorkspace.split("\\.");
        String spliced = String.join(".", parts[0], parts[1], parts[2], otherParts[3], parts[4]);
        for (String bad : List.of(forged, expired, otherWorkspace, "garbage", token + "x", token + "=", spliced)) {
            var response = get(path + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Export Guard").doesNotContain("_id,");
        }
        // a link of the other export does not open this one
        String other = exportLink(member, otherMutation, workspace);
        assertThat(get(path + other.substring(other.lastIndexOf('/') + 1)).statusCode()).isEqualTo(404);
        // a member removed after asking for the link cannot use it any more
        testData.deactivate(workspace, member);
        assertThat(get(url).statusCode()).isEqualTo(404);
    }

    @Test
    void linksWorkForSubjectsWithSeparatorsAsIdentityProvidersWriteThem() throws Exception {
        UUID workspace = testData.workspace("Export Auth0 Inc", "UTC", "auth0|5f7c8ec7c33c6c004bbafe82");
        assertThat(get(exportLink("auth0|5f7c8ec7c33c6c004bbafe82", "exportInvoices", workspace)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void onlyMembersMayAskForAnExport() {
        for (String mutation : List.of("exportInvoices", "exportCreditPurchases")) {
            String document = "mutation($id: ID!) { " + mutation + "(input: { workspaceId: $id }) { download { url } } }";
            for (String member : List.of(DemoData.OWNER, DemoData.ADMIN, DemoData.MEMBER)) {
                as(member).document(document).variable("id", workspaceId(DemoData.ACME)).execute().errors().verify();
            }
            assertThat(onlyErrorType(as(DemoData.OUTSIDER).document(document).variable("id", workspaceId(DemoData.ACME))
                    .execute())).isEqualTo("NOT_FOUND");
            assertThat(onlyErrorType(as(DemoData.FORMER_MEMBER).document(document)
                    .variable("id", workspaceId(DemoData.ACME)).execute())).isEqualTo("NOT_FOUND");
            assertThat(onlyErrorType(as(DemoData.STAFF).document(document).variable("id", workspaceId(DemoData.ACME))
                    .execute())).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void oneHundredThousandInvoicesStreamWhileTheClientReads() throws Exception {
        UUID workspace = testData.workspace("Export Volume Ltd", "UTC", "export-volume-owner");
        int count = 100_000;
        testData.invoices(workspace, count, Instant.parse("2026-11-01T00:00:00Z"));
        String url = exportLink("export-volume-owner", "exportInvoices", workspace);
        var rowsWritten = meters.get("bff.export.rows").tag("export", "invoices").counter();
        double before = rowsWritten.count();

        long started = System.nanoTime();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                assertThat(reader.readLine()).startsWith("invoice_id,");
                // the client stops reading: the server may only run as far ahead as the socket buffers allow,
                // and reads the database chunk by chunk as it goes, not all rows up front
                long statementsBefore = sqlStatements();
                Thread.sleep(1_000);
                double aheadWhilePaused = rowsWritten.count() - before;
                assertThat(aheadWhilePaused).isLessThan(count);
                long chunksRead = sqlStatements() - statementsBefore;
                assertThat(chunksRead).isLessThan(count / InvoiceRepository.EXPORT_CHUNK);
                long lines = 0;
                String previous = null;
                String line;
                while ((line = reader.readLine()) != null) {
                    String number = line.split(",")[1];
                    if (previous != null) {
                        assertThat(number).isGreaterThan(previous); // newest first: BULK numbers ascend
                    }
                    previous = number;
                    lines++;
                }
                assertThat(lines).isEqualTo(count);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("export: %d rows in %.2f s = %.0f rows/s (server ran %.0f rows ahead of a paused client)%n",
                        count, seconds, count / seconds, aheadWhilePaused);
            }
        }
        assertThat(rowsWritten.count() - before).isEqualTo(count);
    }
}
