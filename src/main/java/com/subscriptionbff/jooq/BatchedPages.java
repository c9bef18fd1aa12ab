package com.subscriptionbff.jooq;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.Select;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.rowNumber;

/**
 * One statement for many per-parent queries (a page of seats, invoices... for each of many workspaces): the
 * queries are joined with UNION ALL, each tagged with its key's index as first column and each row's place in its
 * page as second column (UNION ALL promises no order, so the rows are put back in order here).
 */
public final class BatchedPages {

    private BatchedPages() {
    }

    /**
     * @param query builds the query of one key; it selects the given index field first, then {@link #position}
     * @return the rows of each key, in the order its query returned them
     */
    public static <K> Map<K, List<Record>> fetch(DSLContext db, List<K> keys,
                                                 BiFunction<Field<Integer>, K, Select<?>> query) {
        if (keys.isEmpty()) {
            return grouped(keys, List.of());
        }
        return grouped(keys, db.fetch(union(keys.size(), index -> query.apply(batchKey(index), keys.get(index)))));
    }

    private static Field<Integer> batchKey(int index) {
        return inline(index).as("batch_key");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Select<?> union(int size, IntFunction<Select<?>> query) {
        Select union = null;
        for (int index = 0; index < size; index++) {
            Select<?> one = query.apply(index);
            union = union == null ? one : union.unionAll(one);
        }
        return union;
    }

    private static <K> Map<K, List<Record>> grouped(List<K> keys, Iterable<? extends Record> rows) {
        Map<K, List<Record>> result = new LinkedHashMap<>();
        keys.forEach(key -> result.put(key, new ArrayList<>()));
        for (Record row : rows) {
            result.get(keys.get(row.get(0, Integer.class))).add(row);
        }
        result.values().forEach(page -> page.sort(Comparator.comparingLong(row -> row.get(1, Long.class))));
        return result;
    }

    /** The second column of each query: the row's place in its page, by the page's own order. */
    public static Field<Long> position(OrderField<?>... order) {
        return rowNumber().over().orderBy(order).cast(Long.class).as("batch_position");
    }
}
