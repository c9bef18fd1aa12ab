package com.subscriptionbff.common;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a whole history chunk after chunk by keyset: memory stays at one chunk whatever the history's length, and
 * no connection is held between chunks (a slow download does not pin the pool).
 */
public final class KeysetChunks {

    private KeysetChunks() {
    }

    /**
     * @param chunkAfter the next chunk after a position (null: the first), at most `chunkSize` rows
     * @param positionOf the keyset position of a row
     */
    public static <T> void forEach(int chunkSize, Function<TimePosition, List<T>> chunkAfter,
                                   Function<T, TimePosition> positionOf, Consumer<T> each) {
        TimePosition after = null;
        List<T> chunk;
        do {
            chunk = chunkAfter.apply(after);
            chunk.forEach(each);
            after = chunk.isEmpty() ? null : positionOf.apply(chunk.getLast());
        } while (chunk.size() == chunkSize);
    }
}
