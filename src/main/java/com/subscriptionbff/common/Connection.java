package com.subscriptionbff.common;

import java.util.List;
import java.util.function.Function;

/** A Relay connection page: the schema's XConnection types map onto this one record. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /**
     * Builds a page from rows fetched with limit size + 1: the extra row only says there is a next page.
     */
    public static <T> Connection<T> of(List<T> rowsPlusOne, int size, boolean afterCursor, int totalCount,
                                       Function<T, String> cursorOf) {
        boolean hasNext = rowsPlusOne.size() > size;
        List<T> rows = hasNext ? rowsPlusOne.subList(0, size) : rowsPlusOne;
        List<Edge<T>> edges = rows.stream().map(row -> new Edge<>(cursorOf.apply(row), row)).toList();
        PageInfo pageInfo = new PageInfo(hasNext, afterCursor,
                edges.isEmpty() ? null : edges.getFirst().cursor(),
                edges.isEmpty() ? null : edges.getLast().cursor());
        return new Connection<>(edges, pageInfo, totalCount);
    }
}
