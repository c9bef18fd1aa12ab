package com.subscriptionbff.exports;

import com.subscriptionbff.credits.CreditPurchaseRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;

/** GET /exports/credit-purchases/{token}: the CSV behind an export link, streamed from PostgreSQL. */
@RestController
class CreditPurchaseExportController {

    static final String PURPOSE = "credit-purchases-export";
    static final String PATH = "/exports/credit-purchases/";

    static final List<String> HEADER = List.of("purchase_id", "date", "credits", "amount", "currency", "source");

    private final ExportLinks exports;
    private final CreditPurchaseRepository purchases;
    private final Counter rowsWritten;

    CreditPurchaseExportController(ExportLinks exports, CreditPurchaseRepository purchases, MeterRegistry meters) {
        this.exports = exports;
        this.purchases = purchases;
        this.rowsWritten = Counter.builder("bff.export.rows").tag("export", "credit-purchases").register(meters);
    }

    @GetMapping(PATH + "{token}")
    void download(@PathVariable String token, HttpServletResponse response) throws IOException {
        exports.serve(PURPOSE, token, response, "credit-purchases", HEADER,
                rowsWritten, (workspace, csv) -> purchases.streamAll(workspace.workspaceId(), workspace.zone(),
                        p -> csv.row(p.id(), p.date(), p.credits(), p.amount().amount().toPlainString(),
                                p.amount().currencyCode(), p.source().name())));
    }
}
