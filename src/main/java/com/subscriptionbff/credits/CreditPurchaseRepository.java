package com.subscriptionbff.credits;

import com.subscriptionbff.jooq.BatchedPages;
import com.subscriptionbff.common.KeysetChunks;
import com.subscriptionbff.common.Money;
import com.subscriptionbff.common.TimePosition;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.springframework.stereotype.Repository;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static com.subscriptionbff.db.Tables.CREDIT_PURCHASES;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

@Repository
public class CreditPurchaseRepository {

    private static final List<Field<?>> PURCHASE_FIELDS = List.of(CREDIT_PURCHASES.ID, CREDIT_PURCHASES.PURCHASED_AT,
            CREDIT_PURCHASES.CREDITS, CREDIT_PURCHASES.AMOUNT_MINOR, CREDIT_PURCHASES.CURRENCY, CREDIT_PURCHASES.SOURCE);

    static final int EXPORT_CHUNK = 1_000;

    private final DSLContext db;

    CreditPurchaseRepository(DSLContext db) {
        this.db = db;
    }

    /** Pages of many workspaces' purchases, newest first: one statement for the rows, one for the counts. */
    Map<PurchasePageKey, PurchasePage> findPages(List<PurchasePageKey> keys) {
        var rows = BatchedPages.fetch(db, keys, CreditPurchaseRepository::pageQuery);
        List<UUID> workspaces = keys.stream().map(PurchasePageKey::workspaceId).distinct().toList();
        var counts = BatchedPages.fetch(db, workspaces, (batchKey, workspaceId) ->
                select(batchKey, count()).from(CREDIT_PURCHASES).where(CREDIT_PURCHASES.WORKSPACE_ID.eq(workspaceId)));
        Map<PurchasePageKey, PurchasePage> pages = new HashMap<>();
        rows.forEach((key, records) -> pages.put(key, new PurchasePage(
                records.stream().map(r -> purchase(r, key.zone())).toList(),
                counts.get(key.workspaceId()).getFirst().get(1, Integer.class))));
        return pages;
    }

    /** Every purchase of the workspace, newest first, in keyset chunks. */
    public void streamAll(UUID workspaceId, ZoneId zone, Consumer<CreditPurchase> each) {
        KeysetChunks.forEach(EXPORT_CHUNK, after -> db.select(PURCHASE_FIELDS).from(CREDIT_PURCHASES)
                        .where(CREDIT_PURCHASES.WORKSPACE_ID.eq(workspaceId))
                        .and(after == null ? noCondition()
                                : row(CREDIT_PURCHASES.PURCHASED_AT, CREDIT_PURCHASES.ID).lt(after.at(), after.id()))
                        .orderBy(CREDIT_PURCHASES.PURCHASED_AT.desc(), CREDIT_PURCHASES.ID.desc())
                        .limit(EXPORT_CHUNK)
                        .fetch(record -> purchase(record, zone)),
                purchase -> new TimePosition(purchase.purchasedAt(), purchase.purchaseId()), each);
    }

    private static Select<?> pageQuery(Field<Integer> batchKey, PurchasePageKey key) {
        Condition seek = key.after() == null
                ? noCondition()
                : row(CREDIT_PURCHASES.PURCHASED_AT, CREDIT_PURCHASES.ID).lt(key.after().at(), key.after().id());
        return select(batchKey, BatchedPages.position(CREDIT_PURCHASES.PURCHASED_AT.desc(), CREDIT_PURCHASES.ID.desc()))
                .select(PURCHASE_FIELDS)
                .from(CREDIT_PURCHASES)
                .where(CREDIT_PURCHASES.WORKSPACE_ID.eq(key.workspaceId()))
                .and(seek)
                .orderBy(CREDIT_PURCHASES.PURCHASED_AT.desc(), CREDIT_PURCHASES.ID.desc())
                .limit(key.limit());
    }

    private static CreditPurchase purchase(Record r, ZoneId zone) {
        return new CreditPurchase(r.get(CREDIT_PURCHASES.ID), zone, r.get(CREDIT_PURCHASES.PURCHASED_AT),
                r.get(CREDIT_PURCHASES.CREDITS),
                Money.of(r.get(CREDIT_PURCHASES.AMOUNT_MINOR), r.get(CREDIT_PURCHASES.CURRENCY)),
                r.get(CREDIT_PURCHASES.SOURCE));
    }

    record PurchasePageKey(UUID workspaceId, ZoneId zone, TimePosition after, int limit) {
    }

    record PurchasePage(List<CreditPurchase> purchases, int totalCount) {
    }
}
