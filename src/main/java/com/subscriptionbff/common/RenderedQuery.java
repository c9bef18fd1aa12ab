package com.subscriptionbff.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.impl.DSL;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query the page runs on every load, built with jOOQ's DSL once and rendered once: each run only binds its values
 * (jOOQ's own advice for hot queries: building and rendering cost more than the database's work on such a query).
 * The query takes its values through named parameters ({@link org.jooq.impl.DSL#param(String, Class)}), each used
 * once. A batched query (an IN list, VALUES rows) is rendered once per batch size ({@link #perBatchSize}), with one
 * parameter per value: PostgreSQL then keeps a generic plan for each size, where {@code = any(:array)} would be
 * planned again on every run (0.3 ms each, more than running it).
 */
public final class RenderedQuery<R extends Record> {

    // a named parameter as jOOQ renders it (:name), not PostgreSQL's cast operator (::type)
    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*)");

    private final String sql;
    private final List<Param<?>> parameters;
    private final Field<?>[] fields;
    private final ColumnReaders.ColumnReader[] readers; // null: jOOQ reads the rows

    private RenderedQuery(String sql, List<Param<?>> parameters, Field<?>[] fields) {
        this.sql = sql;
        this.parameters = parameters;
        this.fields = fields;
        this.readers = ColumnReaders.of(fields);
    }

    public static <R extends Record> RenderedQuery<R> of(DSLContext db, ResultQuery<R> query) {
        // every bind value in bind order: named ones take each run's values, unnamed ones are the query's constants
        List<Param<?>> parameters = db.extractParams(query).values().stream()
                .filter(parameter -> !parameter.isInline())
                .<Param<?>>map(parameter -> parameter)
                .toList();
        List<String> named = new ArrayList<>();
        Matcher placeholder = NAMED_PARAMETER.matcher(db.renderNamedParams(query));
        while (placeholder.find()) {
            named.add(placeholder.group(1));
        }
        List<String> declared = parameters.stream().map(Param::getParamName).filter(name -> name != null).toList();
        int bindValues = db.extractBindValues(query).size();
        if (parameters.size() != bindValues || !named.equals(declared)) {
            throw new IllegalStateException("each named parameter must be used once: " + named + " rendered, "
                    + declared + " declared, " + parameters.size() + " parameters for " + bindValues + " bind values");
        }
        // the select clause's own fields, as qualified as they were written (subscriptions.id, plans.id): a select's
        // fields() are requalified by a synthetic alias, with which the records could only be read by index
        Field<?>[] fields = query instanceof Select<?> select
                ? select.getSelect().toArray(Field<?>[]::new)
                : query.fields();
        return new RenderedQuery<>(db.render(query), parameters, fields);
    }

    /**
     * Runs the query with these values, by parameter name; the records are of the built query's own type. The rendered
     * SQL goes straight to JDBC: as a plain-SQL query, jOOQ would scan its text for placeholders on every run (a tenth
     * of the Overview's CPU). The rows are read into records of the built query's own fields: by {@link ColumnReaders}
     * when every column has a plain type, by jOOQ otherwise.
     */
    @SuppressWarnings("unchecked")
    public Result<R> fetch(DSLContext db, Map<String, ?> values) {
        Object[] bindings = new Object[parameters.size()];
        for (int i = 0; i < bindings.length; i++) {
            Param<?> parameter = parameters.get(i);
            String name = parameter.getParamName();
            if (name == null) {
                bindings[i] = parameter.getValue();
                continue;
            }
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            bindings[i] = values.get(name);
        }
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < bindings.length; i++) {
                    bind(statement, i + 1, bindings[i]);
                }
                SqlStatementMetrics.countOne(db.configuration());
                try (ResultSet rows = statement.executeQuery()) {
                    // records of the same degree and field types as the built query's (RecordImpl1..22)
                    return readers == null ? (Result<R>) db.fetch(rows, fields) : (Result<R>) read(db, rows);
                }
            }
        });
    }

    /** Whether the rows are read by {@link ColumnReaders} (every column of a plain type) rather than by jOOQ. */
    boolean readsColumnsItself() {
        return readers != null;
    }

    @SuppressWarnings("unchecked")
    private Result<Record> read(DSLContext db, ResultSet rows) throws SQLException {
        Result<Record> result = db.newResult(fields);
        while (rows.next()) {
            Record record = db.newRecord(fields);
            for (int i = 0; i < fields.length; i++) {
                // the value is of the field's type already: set, not fromArray (which converts every value again)
                record.set((Field<Object>) fields[i], readers[i].read(rows, i + 1));
            }
            result.add(record);
        }
        return result;
    }

    /** jOOQ renders a cast around every typed parameter (uuid, date, enums...): the driver sends each value as is. */
    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, Types.OTHER);
            case Instant instant -> statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
            case EnumType literal -> statement.setString(index, literal.getLiteral());
            default -> statement.setObject(index, value);
        }
    }

    /** A batched query, rendered the first time each batch size is asked for (a bounded number of them). */
    public static <R extends Record> PerBatchSize<R> perBatchSize(DSLContext db, IntFunction<ResultQuery<R>> build) {
        return new PerBatchSize<>(db, build);
    }

    /** `size` named parameters: name0, name1, ... */
    public static <T> List<Param<T>> params(String name, Class<T> type, int size) {
        List<Param<T>> params = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            params.add(DSL.param(name + i, type));
        }
        return params;
    }

    /** One key's values in a batched query: each name gets the key's index as suffix (workspaceId0, ...). */
    public interface RowValues {
        void put(String name, Object value);
    }

    /** The values of a batched query whose keys each take named parameters suffixed with their index. */
    public static <K> Map<String, Object> valuesPerKey(List<K> keys, BiConsumer<K, RowValues> row) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String index = Integer.toString(i);
            row.accept(keys.get(i), (name, value) -> values.put(name + index, value));
        }
        return values;
    }

    public static final class PerBatchSize<R extends Record> {

        private final DSLContext db;
        private final IntFunction<ResultQuery<R>> build;
        private final Cache<Integer, RenderedQuery<R>> bySize = Caffeine.newBuilder().maximumSize(128).build();

        private PerBatchSize(DSLContext db, IntFunction<ResultQuery<R>> build) {
            this.db = db;
            this.build = build;
        }

        public RenderedQuery<R> ofSize(int size) {
            return bySize.get(size, ignored -> RenderedQuery.of(db, build.apply(size)));
        }

        /** Runs the statement whose only parameters are an IN list made by {@link #params} with this name. */
        public Result<R> fetchIn(String name, Collection<?> batch) {
            List<?> values = List.copyOf(batch);
            return ofSize(values.size()).fetch(db, valuesPerKey(values, (value, row) -> row.put(name, value)));
        }
    }
}
