package com.subscriptionbff.exports;

import com.subscriptionbff.invoices.InvoiceRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/** GET /exports/invoices/{token}: the CSV behind an export link, streamed from PostgreSQL. */
@RestController
class InvoiceExportController {

    static final String PURPOSE = "invoices-export";
    static final String PATH = "/exports/invoices/";

    static final List<String> HEADER = List.of("invoice_id", "number", "date", "period_start", "period_end",
            "status", "total", "currency", "pdf_url", "hosted_url");

    private final ExportLinks exports;
    private final InvoiceRepository invoices;
    private final Counter rowsWritten;

    InvoiceExportController(ExportLinks exports, InvoiceRepository invoices, MeterRegistry meters) {
        this.exports = exports;
        this.invoices = invoices;
        this.rowsWritten = Counter.builder("bff.export.rows").tag("export", "invoices").register(meters);
    }

    @GetMapping(PATH + "{token}")
    void download(@PathVariable String token, HttpServletResponse response) throws IOException {
        exports.serve(PURPOSE, token, response, "invoices", HEADER, rowsWritten,
                (workspace, csv) -> invoices.streamAll(workspace.workspaceId(), workspace.zone(), i -> csv.row(
                        i.id(), i.number(), i.date(), LocalDate.ofInstant(i.period().start(), i.zone()),
                        LocalDate.ofInstant(i.period().end(), i.zone()), i.status().name(),
                        i.total().amount().toPlainString(), i.total().currencyCode(), i.pdfUrl(), i.hostedUrl())));
    }
}
