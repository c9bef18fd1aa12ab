package com.subscriptionbff.invoices;

import com.subscriptionbff.jooq.BatchedPages;
import com.subscriptionbff.common.BillingPeriod;
import com.subscriptionbff.common.KeysetChunks;
import com.subscriptionbff.common.Money;
import com.subscriptionbff.common.TimePosition;
import com.subscriptionbff.db.enums.InvoiceStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static com.subscriptionbff.db.Tables.INVOICES;
import static com.subscriptionbff.db.Tables.INVOICE_LINES;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

@Repository
public class InvoiceRepository {

    public static final int EXPORT_CHUNK = 1_000;

    private final DSLContext db;

    InvoiceRepository(DSLContext db) {
        this.db = db;
    }

    /** Pages of many workspaces' invoices: one statement for the rows, one for the counts. */
    Map<InvoicePageKey, InvoicePage> findPages(List<InvoicePageKey> keys) {
        var rows = BatchedPages.fetch(db, keys, InvoiceRepository::pageQuery);
        List<InvoiceFilter> filters = keys.stream().map(InvoicePageKey::filter).distinct().toList();
        var counts = BatchedPages.fetch(db, filters, (batchKey, filter) ->
                select(batchKey, count()).from(INVOICES).where(filter.condition()));
        Map<InvoicePageKey, InvoicePage> pages = new HashMap<>();
        rows.forEach((key, records) -> pages.put(key, new InvoicePage(
                records.stream().map(r -> invoice(r, key.filter().zone())).toList(),
                counts.get(key.filter()).getFirst().get(1, Integer.class))));
        return pages;
    }

    /** Every invoice of the workspace, newest first, in keyset chunks. */
    public void streamAll(UUID workspaceId, ZoneId zone, Consumer<Invoice> each) {
        KeysetChunks.forEach(EXPORT_CHUNK, after -> db.select(INVOICE_FIELDS).from(INVOICES)
                        .where(INVOICES.WORKSPACE_ID.eq(workspaceId))
                        .and(after == null ? noCondition() : row(INVOICES.ISSUED_AT, INVOICES.ID).lt(after.at(), after.id()))
                        .orderBy(INVOICES.ISSUED_AT.desc(), INVOICES.ID.desc())
                        .limit(EXPORT_CHUNK)
                        .fetch(record -> invoice(record, zone)),
                invoice -> new TimePosition(invoice.issuedAt(), invoice.invoiceId()), each);
    }

    private static final List<Field<?>> INVOICE_FIELDS = List.of(INVOICES.ID, INVOICES.NUMBER, INVOICES.ISSUED_AT,
            INVOICES.PERIOD_START, INVOICES.PERIOD_END, INVOICES.TOTAL_MINOR, INVOICES.CURRENCY, INVOICES.STATUS,
            INVOICES.INVOICE_PDF_URL, INVOICES.HOSTED_INVOICE_URL);

    private static Select<?> pageQuery(Field<Integer> batchKey, InvoicePageKey key) {
        Condition seek = key.after() == null
                ? noCondition()
                : row(INVOICES.ISSUED_AT, INVOICES.ID).lt(key.after().at(), key.after().id());
        return select(batchKey, BatchedPages.position(INVOICES.ISSUED_AT.desc(), INVOICES.ID.desc()))
                .select(INVOICE_FIELDS)
                .from(INVOICES)
                .where(key.filter().condition())
                .and(seek)
                .orderBy(INVOICES.ISSUED_AT.desc(), INVOICES.ID.desc())
                .limit(key.limit());
    }

    private static Invoice invoice(Record r, ZoneId zone) {
        return new Invoice(r.get(INVOICES.ID), zone, r.get(INVOICES.NUMBER), r.get(INVOICES.ISSUED_AT),
                new BillingPeriod(r.get(INVOICES.PERIOD_START), r.get(INVOICES.PERIOD_END)),
                Money.of(r.get(INVOICES.TOTAL_MINOR), r.get(INVOICES.CURRENCY)), r.get(INVOICES.STATUS),
                r.get(INVOICES.INVOICE_PDF_URL), r.get(INVOICES.HOSTED_INVOICE_URL));
    }

    /** Which invoices of a workspace a page shows: statuses (empty: all) issued in [from, to). */
    /** The lines of many invoices, each in Stripe's order, in one statement (a page of the Billing tab). */
    Map<Invoice, List<InvoiceLine>> linesOf(List<Invoice> invoices) {
        Map<UUID, Invoice> byId = new HashMap<>();
        invoices.forEach(invoice -> byId.put(invoice.invoiceId(), invoice));
        Map<Invoice, List<InvoiceLine>> lines = new LinkedHashMap<>();
        invoices.forEach(invoice -> lines.put(invoice, new ArrayList<>()));
        var l = INVOICE_LINES;
        db.select(l.INVOICE_ID, l.DESCRIPTION, l.PERIOD_START, l.PERIOD_END, l.QUANTITY, l.AMOUNT_MINOR, l.PRORATION)
                .from(l).where(l.INVOICE_ID.in(byId.keySet())).orderBy(l.INVOICE_ID, l.POSITION)
                .forEach(r -> {
                    Invoice invoice = byId.get(r.value1());
                    lines.get(invoice).add(new InvoiceLine(r.value2(), new BillingPeriod(r.value3(), r.value4()),
                            r.value5(), new Money(r.value6(), invoice.total().currency()), r.value7()));
                });
        return lines;
    }

    record InvoiceFilter(UUID workspaceId, ZoneId zone, List<InvoiceStatus> statuses, Instant from, Instant to) {

        Condition condition() {
            return INVOICES.WORKSPACE_ID.eq(workspaceId)
                    .and(statuses.isEmpty() ? noCondition() : INVOICES.STATUS.in(statuses))
                    .and(from == null ? noCondition() : INVOICES.ISSUED_AT.ge(from))
                    .and(to == null ? noCondition() : INVOICES.ISSUED_AT.lt(to));
        }
    }

    record InvoicePageKey(InvoiceFilter filter, TimePosition after, int limit) {
    }

    record InvoicePage(List<Invoice> invoices, int totalCount) {
    }
}
