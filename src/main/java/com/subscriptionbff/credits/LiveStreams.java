package com.subscriptionbff.credits;

import com.subscriptionbff.common.LimitExceededException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.concurrent.ConcurrentHashMap;

/**
 * At most `bff.live.max-streams-per-user` live streams open at once per user on this instance: a page opens one, a
 * user a few tabs; a script opening thousands would hold as many connections and listeners.
 */
@Component
class LiveStreams {

    private final int maxPerUser;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    LiveStreams(@Value("${bff.live.max-streams-per-user:5}") int maxPerUser) {
        this.maxPerUser = maxPerUser;
    }

    /** The stream, counted against the user's streams from its subscription until it ends (or is cancelled). */
    <T> Flux<T> open(String userId, Flux<T> stream) {
        return Flux.defer(() -> {
            if (open.merge(userId, 1, Integer::sum) > maxPerUser) {
                close(userId);
                return Flux.error(new LimitExceededException(
                        "at most " + maxPerUser + " live streams may be open at once per user; close one first"));
            }
            return stream.doFinally(signal -> close(userId));
        });
    }

    private void close(String userId) {
        open.computeIfPresent(userId, (user, count) -> count == 1 ? null : count - 1);
    }
}
