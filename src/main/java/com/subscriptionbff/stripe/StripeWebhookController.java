package com.subscriptionbff.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.subscriptionbff.db.enums.StripeEventStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;


/**
 * POST /stripe/webhooks. The signature is verified with the configured secret (a bad or missing one is a 400 that
 * changes nothing); each event is stored before it is handled; a duplicate is acknowledged and ignored; a handler that
 * fails leaves the event FAILED and answers 500, so Stripe delivers it again (and the reconciler retries it).
 */
@RestController
class StripeWebhookController {

    static final String PATH = "/stripe/webhooks";

    private final String secret;
    private final StripeEventStore events;
    private final StripeEventHandler handler;

    StripeWebhookController(@Value("${bff.stripe.webhook-secret:}") String secret, StripeEventStore events,
                            StripeEventHandler handler) {
        this.secret = secret;
        this.events = events;
        this.handler = handler;
    }

    @PostMapping(PATH)
    ResponseEntity<String> receive(@RequestBody String payload,
                                   @RequestHeader(value = "Stripe-Signature", required = false) String signature) {
        if (secret.isBlank() || signature == null) {
            return ResponseEntity.badRequest().body("missing signature");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, secret);
        } catch (SignatureVerificationException | RuntimeException e) {
            return ResponseEntity.badRequest().body("invalid signature");
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
