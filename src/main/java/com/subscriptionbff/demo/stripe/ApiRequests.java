package com.subscriptionbff.demo.stripe;

import com.google.gson.JsonElement;
import com.subscriptionbff.demo.stripe.StripeEmulator.Fault;
import com.subscriptionbff.demo.stripe.StripeEmulator.Received;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every API request goes through before its resource: the API key, idempotency keys as Stripe honours them (same
 * key and parameters: the stored answer again; other parameters: an idempotency_error), the faults a test asked for,
 * and the record of what was received. Guarded by the {@link StripeEmulator}'s lock.
 */
final class ApiRequests {

    /** The resource's answer to a request; `declineCard`: a test asked for a declined card. */
    interface Resources {
        JsonElement answer(String method, String path, Map<String, String> params, boolean declineCard);
    }

    record Answer(int status, String body, long delayMillis, boolean replayed) {
    }

    private record Stored(String paramsFingerprint, int status, String body) {
    }

    private record PendingFault(String pathPrefix, Fault fault) {
    }

    final List<Received> received = new ArrayList<>();
    final Deque<PendingFault> faults = new ArrayDeque<>();
    private final Map<String, Stored> idempotent = new HashMap<>();
    volatile long slowWritesMillis;

    void failNext(String pathPrefix, Fault fault) {
        faults.add(new PendingFault(pathPrefix, fault));
    }

    Answer handle(String method, String path, Map<String, String> params, String idempotencyKey,
                  String authorization, Resources resources) {
        if (authorization == null || !authorization.startsWith("Bearer sk_test_")) {
            received.add(new Received(method, path, params, idempotencyKey, false));
            return new Answer(401, StripeJson.error("invalid_request_error", null, "Invalid API Key provided"), 0,
                    false);
        }
        boolean write = method.equals("POST");
        if (write && idempotencyKey != null && idempotent.containsKey(idempotencyKey)) {
            Stored stored = idempotent.get(idempotencyKey);
            received.add(new Received(method, path, params, idempotencyKey, true));
            if (!stored.paramsFingerprint().equals(path + params)) {
                return new Answer(400, StripeJson.error("idempotency_error", null, "Keys for idempotent requests "
                        + "can only be used with the same parameters they were first used with."), 0, false);
            }
            return new Answer(stored.status(), stored.body(), 0, true);
        }
        received.add(new Received(method, path, params, idempotencyKey, false));
        Fault fault = write ? takeFault(path) : null;
        if (fault == Fault.RATE_LIMITED) {
            return new Answer(429, StripeJson.error("invalid_request_error", "rate_limit", "Too many requests."), 0,
                    false);
        }
        if (fault == Fault.SERVER_ERROR) {
            return new Answer(500, StripeJson.error("api_error", null, "An unknown error occurred."), 0, false);
        }
        Answer answer;
        try {
            answer = new Answer(200, resources.answer(method, path, params, fault == Fault.CARD_DECLINED).toString(),
                    0, false);
        } catch (StripeJson.Refused refused) {
            answer = new Answer(refused.status, refused.body, 0, false);
        }
        if (write && idempotencyKey != null && answer.status() != 404) {
            idempotent.put(idempotencyKey, new Stored(path + params, answer.status(), answer.body()));
        }
        long delay = fault == Fault.TIMEOUT_AFTER_APPLYING ? StripeEmulator.TIMEOUT_DELAY.toMillis()
                : write ? slowWritesMillis : 0;
        return new Answer(answer.status(), answer.body(), delay, false);
    }

    private Fault takeFault(String path) {
        for (var iterator = faults.iterator(); iterator.hasNext(); ) {
            PendingFault pending = iterator.next();
            if (path.startsWith(pending.pathPrefix())) {
                iterator.remove();
                return pending.fault();
            }
        }
        return null;
    }
}
