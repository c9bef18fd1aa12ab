package com.subscriptionbff.stripe;

import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.subscriptionbff.db.enums.InvoiceStatus;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.INVOICES;
import static com.subscriptionbff.db.Tables.INVOICE_LINES;

/** Writes Stripe's invoice into the read model, unless the row already reflects a newer event. */
@Component
class StripeInvoiceSync {

    private final DSLContext db;
    private final StripeCustomers customers;

    StripeInvoiceSync(DSLContext db, StripeCustomers customers) {
        this.db = db;
        this.customers = customers;
    }

    /** Fails while the customer is no workspace of ours yet (see StripeCustomers). */
    void apply(Invoice invoice, Instant eventCreated) {
        UUID workspaceId = customers.workspaceOf(invoice.getCustomer());
        InvoiceStatus status = InvoiceStatus.valueOf(invoice.getStatus().toUpperCase(Locale.ROOT));
        Instant periodStart = Instant.ofEpochSecond(invoice.getPeriodStart());
        Instant periodEnd = Instant.ofEpochSecond(invoice.getPeriodEnd());
        String currency = invoice.getCurrency().toUpperCase(Locale.ROOT);
        // Stripe's next try of an open invoice's payment; null once paid, or when it stopped trying
        Instant nextAttempt = invoice.getNextPaymentAttempt() == null ? null
                : Instant.ofEpochSecond(invoice.getNextPaymentAttempt());
        db.insertInto(INVOICES)
                .set(INVOICES.ID, UUID.randomUUID())
                .set(INVOICES.WORKSPACE_ID, workspaceId)
                .set(INVOICES.STRIPE_INVOICE_ID, invoice.getId())
                .set(INVOICES.NUMBER, invoice.getNumber())
                .set(INVOICES.ISSUED_AT, Instant.ofEpochSecond(invoice.getCreated()))
                .set(INVOICES.PERIOD_START, periodStart)
                .set(INVOICES.PERIOD_END, periodEnd)
                .set(INVOICES.TOTAL_MINOR, invoice.getTotal())
                .set(INVOICES.CURRENCY, currency)
                .set(INVOICES.STATUS, status)
                .set(INVOICES.INVOICE_PDF_URL, invoice.getInvoicePdf())
                .set(INVOICES.HOSTED_INVOICE_URL, invoice.getHostedInvoiceUrl())
                .set(INVOICES.NEXT_PAYMENT_ATTEMPT, nextAttempt)
                .set(INVOICES.STRIPE_EVENT_AT, eventCreated)
                .onConflict(INVOICES.STRIPE_INVOICE_ID)
                .doUpdate()
                .set(INVOICES.NUMBER, invoice.getNumber())
                .set(INVOICES.TOTAL_MINOR, invoice.getTotal())
                .set(INVOICES.CURRENCY, currency)
                .set(INVOICES.STATUS, status)
                .set(INVOICES.PERIOD_START, periodStart)
                .set(INVOICES.PERIOD_END, periodEnd)
                .set(INVOICES.INVOICE_PDF_URL, invoice.getInvoicePdf())
                .set(INVOICES.HOSTED_INVOICE_URL, invoice.getHostedInvoiceUrl())
                .set(INVOICES.NEXT_PAYMENT_ATTEMPT, nextAttempt)
                .set(INVOICES.STRIPE_EVENT_AT, eventCreated)
                // events arrive out of order: an older one never overwrites what a newer one wrote
                .where(INVOICES.STRIPE_EVENT_AT.isNull().or(INVOICES.STRIPE_EVENT_AT.le(eventCreated)))
                .returningResult(INVOICES.ID)
                .fetchOptional(INVOICES.ID)
                .ifPresent(id -> replaceLines(id, invoice));
    }

    /** The invoice's lines as this (newest) event gives them, in Stripe's order; replaced as a whole. */
    private void replaceLines(UUID invoiceId, Invoice invoice) {
        db.deleteFrom(INVOICE_LINES).where(INVOICE_LINES.INVOICE_ID.eq(invoiceId)).execute();
        List<InvoiceLineItem> lines = invoice.getLines() == null ? List.of() : invoice.getLines().getData();
        if (lines.isEmpty()) {
            return;
        }
        var insert = db.insertInto(INVOICE_LINES, INVOICE_LINES.INVOICE_ID, INVOICE_LINES.POSITION,
                INVOICE_LINES.DESCRIPTION, INVOICE_LINES.PERIOD_START, INVOICE_LINES.PERIOD_END, INVOICE_LINES.QUANTITY,
                INVOICE_LINES.AMOUNT_MINOR, INVOICE_LINES.PRORATION);
        for (int position = 0; position < lines.size(); position++) {
            InvoiceLineItem line = lines.get(position);
            Instant start = line.getPeriod() == null ? Instant.ofEpochSecond(invoice.getPeriodStart())
                    : Instant.ofEpochSecond(line.getPeriod().getStart());
            Instant end = line.getPeriod() == null ? Instant.ofEpochSecond(invoice.getPeriodEnd())
                    : Instant.ofEpochSecond(line.getPeriod().getEnd());
            insert = insert.values(invoiceId, position, line.getDescription(), start, end.isBefore(start) ? start : end,
                    line.getQuantity(), line.getAmount(), proration(line));
        }
        insert.execute();
    }

    private static boolean proration(InvoiceLineItem line) {
        var parent = line.getParent();
        if (parent == null) {
            return false;
        }
        if (parent.getSubscriptionItemDetails() != null) {
            return Boolean.TRUE.equals(parent.getSubscriptionItemDetails().getProration());
        }
        return parent.getInvoiceItemDetails() != null
                && Boolean.TRUE.equals(parent.getInvoiceItemDetails().getProration());
    }
}
