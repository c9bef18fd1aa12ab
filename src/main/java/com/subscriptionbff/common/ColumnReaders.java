package com.subscriptionbff.common;

import org.jooq.Converter;
import org.jooq.EnumType;
import org.jooq.Field;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a column straight from JDBC into the Java type of its jOOQ field, for the {@link RenderedQuery} statements the
 * page runs on every load: jOOQ's own reading (an execute context, listeners and a binding call per value) cost
 * about a tenth of the Overview's CPU. Only plain column types are read here; a query with another type (a nested
 * record, JSON...) is read by jOOQ as before.
 */
final class ColumnReaders {

    /** One column of the current row, 1-based, as the field's Java type (null for SQL NULL). */
    @FunctionalInterface
    interface ColumnReader {
        Object read(ResultSet rows, int column) throws SQLException;
    }

    private ColumnReaders() {
    }

    /** The readers of these fields, or null when one of them has a type read only by jOOQ. */
    static ColumnReader[] of(Field<?>[] fields) {
        ColumnReader[] readers = new ColumnReader[fields.length];
        for (int i = 0; i < fields.length; i++) {
            readers[i] = of(fields[i]);
            if (readers[i] == null) {
                return null;
            }
        }
        return readers;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ColumnReader of(Field<?> field) {
        Converter converter = field.getDataType().getConverter();
        ColumnReader raw = ofType(converter.fromType());
        if (raw == null || converter.fromType() == converter.toType()) {
            return raw;
        }
        // a converter of the field's own (e.g. a forced type): applied as jOOQ would after reading
        return (rows, column) -> converter.from(raw.read(rows, column));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ColumnReader ofType(Class<?> type) {
        if (type == String.class) {
            return ResultSet::getString;
        }
        if (type == UUID.class) {
            return (rows, column) -> rows.getObject(column, UUID.class);
        }
        if (type == Integer.class) {
            return (rows, column) -> orNull(rows, rows.getInt(column));
        }
        if (type == Long.class) {
            return (rows, column) -> orNull(rows, rows.getLong(column));
        }
        if (type == Short.class) {
            return (rows, column) -> orNull(rows, rows.getShort(column));
        }
        if (type == Boolean.class) {
            return (rows, column) -> orNull(rows, rows.getBoolean(column));
        }
        if (type == BigDecimal.class) {
            return ResultSet::getBigDecimal;
        }
        if (type == LocalDate.class) {
            return (rows, column) -> rows.getObject(column, LocalDate.class);
        }
        if (type == OffsetDateTime.class) {
            return (rows, column) -> rows.getObject(column, OffsetDateTime.class);
        }
        if (type == Instant.class) {
            return (rows, column) -> {
                OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
                return value == null ? null : value.toInstant();
            };
        }
        if (type == Integer[].class || type == Long[].class || type == String[].class || type == UUID[].class) {
            return (rows, column) -> array(rows.getArray(column), type);
        }
        if (type.isEnum() && EnumType.class.isAssignableFrom(type)) {
            Map<String, Object> byLiteral = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byLiteral.put(((EnumType) constant).getLiteral(), constant);
            }
            return (rows, column) -> {
                String literal = rows.getString(column);
                if (literal == null) {
                    return null;
                }
                Object constant = byLiteral.get(literal);
                if (constant == null) {
                    throw new SQLException("unknown " + type.getSimpleName() + " literal: " + literal);
                }
                return constant;
            };
        }
        return null;
    }

    private static Object orNull(ResultSet rows, Object value) throws SQLException {
        return rows.wasNull() ? null : value;
    }

    /** pgjdbc gives int4[], int8[], text[] and uuid[] as Integer[], Long[], String[] and UUID[]. */
    private static Object array(Array array, Class<?> type) throws SQLException {
        if (array == null) {
            return null;
        }
        try {
            return type.cast(array.getArray());
        } finally {
            array.free();
        }
    }
}
