package com.subscriptionbff.stripe;

import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentMethod;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionSchedule;
import com.stripe.model.checkout.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Set;

/**
 * Applies one stored Stripe event in one transaction: the event row is locked first, so that the same event handled
 * by two instances (or by a delivery and the reconciler) is applied once. A failure leaves it FAILED for a retry.
 */
@Component
class StripeEventHandler {

    private static final Logger log = LoggerFactory.getLogger(StripeEventHandler.class);

    private static final Set<String> INVOICE_EVENTS = Set.of("invoice.created", "invoice.finalized", "invoice.paid",
            "invoice.payment_failed", "invoice.voided", "invoice.updated", "invoice.marked_uncollectible");
    private static final Set<String> SUBSCRIPTION_EVENTS = Set.of("customer.subscription.created",
            "customer.subscription.updated", "customer.subscription.deleted", "customer.subscription.paused",
            "customer.subscription.resumed", "customer.subscription.trial_will_end");
    private static final Set<String> SCHEDULE_EVENTS = Set.of("subscription_schedule.created",
            "subscription_schedule.updated", "subscription_schedule.released", "subscription_schedule.canceled",
            "subscription_schedule.completed");
    private static final Set<String> CARD_EVENTS = Set.of("payment_method.attached", "payment_method.updated",
            "payment_method.automatically_updated");

    private final StripeEventStore events;
    private final StripeInvoiceSync invoices;
    private final StripeCreditPurchaseSync purchases;
    private final StripeSubscriptionSync subscriptions;
    private final StripePaymentMethodSync paymentMethods;
    private final StripeGateway gateway;
    private final TransactionTemplate transactions;

    StripeEventHandler(StripeEventStore events, StripeInvoiceSync invoices, StripeCreditPurchaseSync purchases,
                       StripeSubscriptionSync subscriptions, StripePaymentMethodSync paymentMethods,
                       StripeGateway gateway, TransactionTemplate transactions) {
        this.events = events;
        this.invoices = invoices;
        this.purchases = purchases;
        this.subscriptions = subscriptions;
        this.paymentMethods = paymentMethods;
        this.gateway = gateway;
        this.transactions = transactions;
    }

    /** True when this call applied the event, false when it had been applied meanwhile; throws when it failed. */
    boolean process(Event event) {
        try {
            // a Stripe read happens before the transaction: no connection or event lock is held while waiting
            PaymentMethod newDefaultCard = newDefaultCard(event);
            Subscription checkedOut = checkedOutSubscription(event);
            return Boolean.TRUE.equals(transactions.execute(status -> {
                if (!events.claim(event.getId())) {
                    return false;
                }
                handle(event, newDefaultCard, checkedOut);
                events.processed(event.getId());
                return true;
            }));
        } catch (RuntimeException e) {
            log.warn("Stripe event {} ({}) failed, left for retry: {}", event.getId(), event.getType(), e.toString());
            events.failed(event.getId(), e.toString());
            throw e;
        }
    }

    private void handle(Event event, PaymentMethod newDefaultCard, Subscription checkedOut) {
        Instant created = Instant.ofEpochSecond(event.getCreated());
        String type = event.getType();
        if (INVOICE_EVENTS.contains(type)) {
            invoices.apply((Invoice) object(event), created);
        } else if (SUBSCRIPTION_EVENTS.contains(type)) {
            // trial_will_end carries the subscription too: the trial's end and status are refreshed from it
            subscriptions.apply((Subscription) object(event), created);
        } else if (SCHEDULE_EVENTS.contains(type)) {
            subscriptions.applySchedule((SubscriptionSchedule) object(event), created);
        } else if (CARD_EVENTS.contains(type)) {
            paymentMethods.attached((PaymentMethod) object(event), created);
        } else if (type.equals("payment_method.detached")) {
            paymentMethods.detached((PaymentMethod) object(event), created);
        } else if (newDefaultCard != null) {
            paymentMethods.attached(newDefaultCard, created);
        } else if (checkedOut != null) {
            subscriptions.applyCheckout((Session) object(event), checkedOut, created);
        } else if (type.equals("checkout.session.completed") || type.equals("checkout.session.async_payment_succeeded")) {
            purchases.apply((Session) object(event));
        }
        // other types are stored and acknowledged
    }

    /** A completed Checkout in subscription mode: the subscription it started, as Stripe holds it now. */
    private Subscription checkedOutSubscription(Event event) {
        if (!event.getType().equals("checkout.session.completed")) {
            return null;
        }
        Session session = (Session) object(event);
        return !"subscription".equals(session.getMode()) || session.getSubscription() == null ? null
                : gateway.subscription(session.getSubscription()).subscription;
    }

    /** customer.updated with a new default card (set in the portal): its details come from Stripe. */
    private PaymentMethod newDefaultCard(Event event) {
        if (!event.getType().equals("customer.updated")) {
            return null;
        }
        var settings = ((Customer) object(event)).getInvoiceSettings();
        String defaultMethod = settings == null ? null : settings.getDefaultPaymentMethod();
        return defaultMethod == null || paymentMethods.isShown(defaultMethod) ? null
                : gateway.paymentMethod(defaultMethod);
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
