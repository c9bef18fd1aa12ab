package com.subscriptionbff.demo.stripe;

import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.InvoiceStatus;
import com.subscriptionbff.db.tables.records.PlansRecord;
import com.subscriptionbff.plan.CatalogPrices;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static com.subscriptionbff.db.Tables.INVOICES;
import static com.subscriptionbff.db.Tables.PAYMENT_METHODS;
import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static com.subscriptionbff.db.Tables.WORKSPACES;

/**
 * Gives the emulated Stripe account what the demo database says Stripe holds: the catalog's prices, each
 * subscription with its items (the plan, extra seats, extra credits), and each default card.
 */
public final class EmulatorSeed {

    private static final Logger log = LoggerFactory.getLogger(EmulatorSeed.class);

    private final DSLContext db;
    private final StripeEmulator stripe;

    public EmulatorSeed(DSLContext db, StripeEmulator stripe) {
        this.db = db;
        this.stripe = stripe;
    }

    void all() {
        catalog();
        int subscriptions = 0;
        var rows = db.select(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID, WORKSPACES.STRIPE_CUSTOMER_ID,
                        SUBSCRIPTIONS.STATUS, SUBSCRIPTIONS.BILLING_INTERVAL, SUBSCRIPTIONS.CURRENT_PERIOD_START,
                        SUBSCRIPTIONS.CURRENT_PERIOD_END, SUBSCRIPTIONS.TRIAL_START, SUBSCRIPTIONS.TRIAL_END,
                        SUBSCRIPTIONS.EXTRA_SEATS, SUBSCRIPTIONS.EXTRA_CREDITS, SUBSCRIPTIONS.CANCEL_AT_PERIOD_END,
                        PLANS)
                .from(SUBSCRIPTIONS).join(WORKSPACES).on(WORKSPACES.ID.eq(SUBSCRIPTIONS.WORKSPACE_ID))
                .join(PLANS).on(PLANS.ID.eq(SUBSCRIPTIONS.PLAN_ID))
                .where(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID.isNotNull()).and(WORKSPACES.STRIPE_CUSTOMER_ID.isNotNull())
                .fetch();
        for (var row : rows) {
            PlansRecord plan = row.value12();
            boolean annual = row.value4() == BillingInterval.YEAR;
            Map<String, Long> quantities = new LinkedHashMap<>();
            quantities.put(annual ? plan.getStripeAnnualPriceId() : plan.getStripeMonthlyPriceId(), 1L);
            if (row.value9() > 0) {
                quantities.put(annual ? plan.getStripeExtraSeatAnnualPriceId() : plan.getStripeExtraSeatPriceId(),
                        (long) row.value9());
            }
            if (row.value10() > 0) {
                quantities.put(annual ? plan.getStripeExtraCreditsAnnualPriceId() : plan.getStripeExtraCreditsPriceId(),
                        row.value10() / 1_000_000L);
            }
            if (quantities.containsKey(null)) {
                continue; // a plan Stripe does not sell (Free): nothing to bill
            }
            stripe.subscription(row.value1(), row.value2(), row.value3().getLiteral().toLowerCase(Locale.ROOT),
                    row.value5(), row.value6(), row.value7(), row.value8(), quantities);
            subscriptions++;
        }
        db.select(WORKSPACES.STRIPE_CUSTOMER_ID, PAYMENT_METHODS.STRIPE_PAYMENT_METHOD_ID, PAYMENT_METHODS.BRAND,
                        PAYMENT_METHODS.LAST4, PAYMENT_METHODS.EXP_MONTH, PAYMENT_METHODS.EXP_YEAR)
                .from(PAYMENT_METHODS).join(WORKSPACES).on(WORKSPACES.ID.eq(PAYMENT_METHODS.WORKSPACE_ID))
                .where(PAYMENT_METHODS.STRIPE_PAYMENT_METHOD_ID.isNotNull())
                .and(WORKSPACES.STRIPE_CUSTOMER_ID.isNotNull())
                .forEach(card -> stripe.defaultCard(card.value1(), card.value2(), card.value3().toLowerCase(Locale.ROOT),
                        card.value4(), card.value5(), card.value6()));
        db.select(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID, INVOICES.STRIPE_INVOICE_ID, INVOICES.TOTAL_MINOR,
                        INVOICES.ISSUED_AT, INVOICES.PERIOD_START, INVOICES.PERIOD_END)
                .from(INVOICES).join(SUBSCRIPTIONS).on(SUBSCRIPTIONS.WORKSPACE_ID.eq(INVOICES.WORKSPACE_ID))
                .where(INVOICES.STATUS.eq(InvoiceStatus.OPEN)).and(INVOICES.STRIPE_INVOICE_ID.isNotNull())
                .and(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID.isNotNull())
                .forEach(open -> stripe.openInvoice(open.value1(), open.value2(), open.value3(), open.value4(),
                        open.value5(), open.value6()));
        log.info("Stripe emulator: {} subscriptions of the demo data", subscriptions);
    }

    /** The catalog's Stripe prices, as the demo catalog names them. */
    public void catalog() {
        for (PlansRecord plan : db.selectFrom(PLANS).fetch()) {
            for (CatalogPrices.CatalogPrice price : CatalogPrices.of(plan)) {
                if (price.stripeId() != null) {
                    stripe.price(price.stripeId(), price.unitAmount(), price.currency(), price.interval());
                }
            }
        }
    }
}
