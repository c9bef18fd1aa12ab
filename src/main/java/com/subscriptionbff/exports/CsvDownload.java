package com.subscriptionbff.exports;

import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.Counter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes a CSV attachment (RFC 4180, UTF-8, header row) straight to the response, row by row. */
final class CsvDownload implements AutoCloseable {

    private final CSVPrinter printer;
    private final Counter rowsWritten;

    private CsvDownload(CSVPrinter printer, Counter rowsWritten) {
        this.printer = printer;
        this.rowsWritten = rowsWritten;
    }

    /** Starts the attachment; every row written counts in `rowsWritten`. */
    static CsvDownload start(HttpServletResponse response, String filename, List<String> header,
                                    Counter rowsWritten) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        var writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
        return new CsvDownload(new CSVPrinter(writer, format), rowsWritten);
    }

    void row(Object... values) {
        try {
            printer.printRecord(values);
            rowsWritten.increment();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
