package com.subscriptionbff.stripe;

import com.stripe.model.PaymentMethod;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.PAYMENT_METHODS;

/**
 * The card the Overview shows: the customer's most recently attached or updated card (the billing portal makes a new
 * card the default); a detached card leaves "No payment method". Newest event wins.
 */
@Component
class StripePaymentMethodSync {

    private static final Map<String, String> BRANDS = Map.of(
            "visa", "Visa", "mastercard", "Mastercard", "amex", "American Express", "discover", "Discover",
            "diners", "Diners Club", "jcb", "JCB", "unionpay", "UnionPay", "cartes_bancaires", "Cartes Bancaires");

    private final DSLContext db;
    private final Clock clock;
    private final StripeCustomers customers;

    StripePaymentMethodSync(DSLContext db, StripeCustomers customers, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.customers = customers;
    }

    void attached(PaymentMethod method, Instant eventCreated) {
        if (method.getCard() == null || method.getCustomer() == null) {
            return; // only cards attached to a customer are shown
        }
        UUID workspaceId = customers.workspaceOf(method.getCustomer());
        var card = method.getCard();
        String brand = BRANDS.getOrDefault(card.getBrand(), card.getBrand().toUpperCase(Locale.ROOT));
        // the card's columns, written alike whether the workspace had a card or not
        Map<Field<?>, Object> cardColumns = new LinkedHashMap<>();
        cardColumns.put(PAYMENT_METHODS.STRIPE_PAYMENT_METHOD_ID, method.getId());
        cardColumns.put(PAYMENT_METHODS.BRAND, brand);
        cardColumns.put(PAYMENT_METHODS.LAST4, card.getLast4());
        cardColumns.put(PAYMENT_METHODS.EXP_MONTH, card.getExpMonth().shortValue());
        cardColumns.put(PAYMENT_METHODS.EXP_YEAR, card.getExpYear().shortValue());
        cardColumns.put(PAYMENT_METHODS.STRIPE_EVENT_AT, eventCreated);
        db.insertInto(PAYMENT_METHODS)
                .set(PAYMENT_METHODS.WORKSPACE_ID, workspaceId)
                .set(cardColumns)
                .onConflict(PAYMENT_METHODS.WORKSPACE_ID)
                .doUpdate()
                .set(cardColumns)
                .set(PAYMENT_METHODS.UPDATED_AT, clock.instant())
                .where(PAYMENT_METHODS.STRIPE_EVENT_AT.isNull().or(PAYMENT_METHODS.STRIPE_EVENT_AT.le(eventCreated)))
                .execute();
    }

    boolean isShown(String paymentMethodId) {
        return db.fetchExists(PAYMENT_METHODS, PAYMENT_METHODS.STRIPE_PAYMENT_METHOD_ID.eq(paymentMethodId));
    }

    void detached(PaymentMethod method, Instant eventCreated) {
        db.deleteFrom(PAYMENT_METHODS)
                .where(PAYMENT_METHODS.STRIPE_PAYMENT_METHOD_ID.eq(method.getId()))
                .and(PAYMENT_METHODS.STRIPE_EVENT_AT.isNull().or(PAYMENT_METHODS.STRIPE_EVENT_AT.le(eventCreated)))
                .execute();
    }
}
