package com.subscriptionbff.common;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.jooq.impl.DSL.inline;

/**
 * One statement for many per-parent queries (a page of seats, invoices... for each of many workspaces): the
 * queries are joined with UNION ALL, each tagged with its key's index as first column.
 */
public final class BatchedPages {

    private BatchedPages() {
    }

    /**
     * @param query builds the query of one key; its first selected field must be the given index field
     * @return the rows of each key, in the order its query returned them
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <K> Map<K, List<Record>> fetch(DSLContext db, List<K> keys,
                                                 BiFunction<Field<Integer>, K, Select<?>> query) {
        Map<K, List<Record>> result = new LinkedHashMap<>();
        keys.forEach(key -> result.put(key, new ArrayList<>()));
        if (keys.isEmpty()) {
            return result;
        }
        Select union = null;
        for (int index = 0; index < keys.size(); index++) {
            Select<?> one = query.apply(inline(index).as("batch_key"), keys.get(index));
            union = union == null ? one : union.unionAll(one);
        }
        for (Record row : (Iterable<Record>) db.fetch(union)) {
            result.get(keys.get(row.get(0, Integer.class))).add(row);
        }
        return result;
    }
}
