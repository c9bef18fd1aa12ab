package com.subscriptionbff.invoices;

import com.subscriptionbff.common.BadRequestException;
import com.subscriptionbff.common.Connection;
import com.subscriptionbff.common.Inputs;
import com.subscriptionbff.common.Labels;
import com.subscriptionbff.common.PageRequest;
import com.subscriptionbff.common.Cursors;
import com.subscriptionbff.common.TimePosition;
import com.subscriptionbff.db.enums.InvoiceStatus;
import com.subscriptionbff.invoices.InvoiceRepository.InvoiceFilter;
import com.subscriptionbff.invoices.InvoiceRepository.InvoicePage;
import com.subscriptionbff.invoices.InvoiceRepository.InvoicePageKey;
import com.subscriptionbff.workspace.Workspace;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

@Controller
class InvoiceController {

    private final Labels labels;

    private final InvoiceRepository invoices;

    private final Cursors cursors;

    InvoiceController(InvoiceRepository invoices, Labels labels, Cursors cursors,
                      BatchLoaderRegistry loaders) {
        this.cursors = cursors;
        this.labels = labels;
        this.invoices = invoices;
        loaders.forTypePair(InvoicePageKey.class, InvoicePage.class).registerMappedBatchLoader((keys, env) ->
                Mono.fromSupplier(() -> invoices.findPages(List.copyOf(keys))));
    }

    @SchemaMapping(typeName = "Workspace")
    CompletableFuture<Connection<Invoice>> invoices(Workspace workspace, @Argument Integer first,
                                                    @Argument String after, @Argument List<InvoiceStatus> status,
                                                    @Argument LocalDate from, @Argument LocalDate to,
                                                    DataLoader<InvoicePageKey, InvoicePage> pages) {
        int size = PageRequest.size(first, 10);
        Inputs.day(from, "from");
        Inputs.day(to, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequestException("from must not be after to");
        }
        var filter = new InvoiceFilter(workspace.workspaceId(), workspace.zone(),
                status == null ? List.of() : List.copyOf(new java.util.TreeSet<>(status)),
                from == null ? null : from.atStartOfDay(workspace.zone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(workspace.zone()).toInstant());
        String scope = "invoices:" + workspace.workspaceId();
        return pages.load(new InvoicePageKey(filter, cursors.after(after, scope), size + 1))
                .thenApply(page -> Connection.of(page.invoices(), size, after != null, page.totalCount(),
                        invoice -> cursors.encode(scope, new TimePosition(invoice.issuedAt(), invoice.invoiceId()))));
    }

    /** "Afficher les détails": the lines of every invoice of the page, in one statement. */
    @BatchMapping(typeName = "Invoice")
    Map<Invoice, List<InvoiceLine>> lines(List<Invoice> page) {
        return invoices.linesOf(page);
    }

    @SchemaMapping(typeName = "Invoice")
    String statusLabel(Invoice invoice, @Argument String locale) {
        return labels.of("invoice.status." + invoice.status().name(), locale);
    }
}
