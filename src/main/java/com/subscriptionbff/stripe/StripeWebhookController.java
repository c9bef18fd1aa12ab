package com.subscriptionbff.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import com.subscriptionbff.db.enums.StripeEventStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Set;

/**
 * POST /stripe/webhooks. The signature is verified with the configured secret (a bad or missing one is a 400 that
 * changes nothing); each event is stored before it is handled; a duplicate is acknowledged and ignored; a handler that
 * fails leaves the event FAILED and answers 500, so Stripe delivers it again.
 */
@RestController
class StripeWebhookController {

    static final String PATH = "/stripe/webhooks";
    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);
    private static final Set<String> INVOICE_EVENTS = Set.of("invoice.created", "invoice.finalized", "invoice.paid",
            "invoice.payment_failed", "invoice.voided", "invoice.updated", "invoice.marked_uncollectible");

    private static final Set<String> SUBSCRIPTION_EVENTS = Set.of("customer.subscription.created",
            "customer.subscription.updated", "customer.subscription.deleted", "customer.subscription.paused",
            "customer.subscription.resumed");

    private final String secret;
    private final StripeEventStore events;
    private final StripeInvoiceSync invoices;
    private final StripeCreditPurchaseSync purchases;
    private final StripeSubscriptionSync subscriptions;
    private final StripePaymentMethodSync paymentMethods;
    private final TransactionTemplate transactions;

    StripeWebhookController(@Value("${bff.stripe.webhook-secret:}") String secret, StripeEventStore events,
                            StripeInvoiceSync invoices, StripeCreditPurchaseSync purchases,
                            StripeSubscriptionSync subscriptions, StripePaymentMethodSync paymentMethods,
                            TransactionTemplate transactions) {
        this.subscriptions = subscriptions;
        this.paymentMethods = paymentMethods;
        this.secret = secret;
        this.events = events;
        this.invoices = invoices;
        this.purchases = purchases;
        this.transactions = transactions;
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
            boolean handled = Boolean.TRUE.equals(transactions.execute(status -> {
                if (!events.claim(event.getId())) {
                    return false;
                }
                handle(event);
                events.processed(event.getId());
                return true;
            }));
            return ResponseEntity.ok(handled ? "processed" : "duplicate");
        } catch (RuntimeException e) {
            log.warn("Stripe event {} ({}) failed, left for retry: {}", event.getId(), event.getType(), e.toString());
            events.failed(event.getId(), e.toString());
            return ResponseEntity.internalServerError().body("failed, will be retried");
        }
    }

    private void handle(Event event) {
        Instant created = Instant.ofEpochSecond(event.getCreated());
        if (INVOICE_EVENTS.contains(event.getType())) {
            invoices.apply((Invoice) object(event), created);
        } else if (SUBSCRIPTION_EVENTS.contains(event.getType())) {
            subscriptions.apply((com.stripe.model.Subscription) object(event), created);
        } else if (Set.of("payment_method.attached", "payment_method.updated",
                "payment_method.automatically_updated").contains(event.getType())) {
            paymentMethods.attached((com.stripe.model.PaymentMethod) object(event), created);
        } else if (event.getType().equals("payment_method.detached")) {
            paymentMethods.detached((com.stripe.model.PaymentMethod) object(event), created);
        } else if (event.getType().equals("checkout.session.completed")
                || event.getType().equals("checkout.session.async_payment_succeeded")) {
            purchases.apply((Session) object(event));
        }
        // other types are stored and acknowledged; their handlers come with the rest of issue 6
    }

    /** The event's object; events of another API version are read as well as they can be. */
    private static StripeObject object(Event event) {
        var deserializer = event.getDataObjectDeserializer();
        return deserializer.getObject().orElseGet(() -> {
            try {
                return deserializer.deserializeUnsafe();
            } catch (Exception e) {
                throw new IllegalStateException("unreadable " + event.getType() + " object", e);
            }
        });
    }
}
