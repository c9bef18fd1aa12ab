package com.subscriptionbff.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.subscriptionbff.db.enums.StripeEventStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * POST /stripe/webhooks. The signature is verified with the configured secret (a bad or missing one, or a timestamp
 * more than five minutes from now either way, is a 400 that changes nothing); each event is stored before it is handled; a duplicate is acknowledged and ignored; a handler that
 * fails leaves the event FAILED and answers 500, so Stripe delivers it again (and the reconciler retries it).
 */
@RestController
public class StripeWebhookController {

    public static final String PATH = "/stripe/webhooks";
    // signatures are checked against real time, like Stripe's own library, whatever business clock a demo pins
    private static final Clock SIGNATURES_CLOCK = Clock.systemUTC();

    private final String secret;
    private final StripeEventStore events;
    private final StripeEventHandler handler;

    StripeWebhookController(StripeConnectionDetails connection, StripeEventStore events, StripeEventHandler handler) {
        this.secret = connection.webhookSecret();
        this.events = events;
        this.handler = handler;
    }

    /**
     * Stripe's library refuses a signature older than its tolerance, not one from further in the future: a signed
     * event with a timestamp days ahead could be replayed until then. Both sides get the same tolerance.
     */
    private static boolean signedInTheFuture(String signature) {
        long latest = SIGNATURES_CLOCK.instant().getEpochSecond() + Webhook.DEFAULT_TOLERANCE;
        for (String item : signature.split(",", -1)) {
            if (item.startsWith("t=")) { // the first, as Stripe's library reads it
                return Long.parseLong(item.substring(2)) > latest;
            }
        }
        return true;
    }

    @PostMapping(PATH)
    ResponseEntity<String> receive(@RequestBody String payload,
                                   @RequestHeader(value = "Stripe-Signature", required = false) String signature) {
        if (secret.isBlank() || signature == null) {
            return ResponseEntity.badRequest().body("missing signature");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, secret, Webhook.DEFAULT_TOLERANCE, SIGNATURES_CLOCK);
        } catch (SignatureVerificationException | RuntimeException e) {
            return ResponseEntity.badRequest().body("invalid signature");
        }
        if (signedInTheFuture(signature)) {
            return ResponseEntity.badRequest().body("invalid signature: timestamp in the future");
        }
        if (events.receive(event, payload) == StripeEventStatus.PROCESSED) {
            return ResponseEntity.ok("duplicate");
        }
        try {
            return ResponseEntity.ok(handler.process(event) ? "processed" : "duplicate");
        } catch (RuntimeException e) {
            return ResponseEntity.internalServerError().body("failed, will be retried");
        }
    }
}
