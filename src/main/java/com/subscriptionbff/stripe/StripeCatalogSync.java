package com.subscriptionbff.stripe;

import com.subscriptionbff.db.tables.records.PlansRecord;
import com.subscriptionbff.plan.CatalogPrices;
import com.subscriptionbff.plan.CatalogPrices.CatalogPrice;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Objects;

import static com.subscriptionbff.db.Tables.PLANS;

/**
 * Puts the catalog into the Stripe account and the account's ids into the catalog: a product per plan (id
 * bff_{plan}), a price per amount the plan sells, found again by its lookup key (bff:{plan}:{kind}), created when
 * missing or when the catalog's amount changed. Running it twice creates nothing the second time.
 */
@Component
public class StripeCatalogSync {

    private static final Logger log = LoggerFactory.getLogger(StripeCatalogSync.class);

    /** What a run did. */
    public record Report(int productsCreated, int pricesCreated, int pricesFound, int catalogIdsChanged) {
    }

    private final DSLContext db;
    private final StripeCatalog stripe;

    StripeCatalogSync(DSLContext db, StripeCatalog stripe) {
        this.db = db;
        this.stripe = stripe;
    }

    public Report run() {
        int products = 0;
        int created = 0;
        int found = 0;
        int changed = 0;
        for (PlansRecord plan : db.selectFrom(PLANS).orderBy(PLANS.DISPLAY_ORDER).fetch()) {
            String productId = "bff_" + plan.getCode().replace('-', '_');
            if (stripe.ensureProduct(productId, plan.getName())) {
                products++;
            }
            for (CatalogPrice price : CatalogPrices.of(plan)) {
                String key = price.lookupKey(plan.getCode());
                var existing = stripe.priceByLookupKey(key).filter(account -> sameTerms(account, price));
                var id = existing.map(StripeCatalog.StripePrice::id).orElseGet(() -> stripe.createPrice(productId,
                        key, price.unitAmount(), price.currency(), price.interval()).id());
                if (existing.isPresent()) {
                    found++;
                } else {
                    created++;
                }
                if (!id.equals(price.stripeId())) {
                    plan.set(price.column(), id);
                    changed++;
                }
            }
            plan.update();
        }
        Report report = new Report(products, created, found, changed);
        log.info("Stripe catalog: {} products and {} prices created, {} prices already there, {} catalog ids changed",
                report.productsCreated(), report.pricesCreated(), report.pricesFound(), report.catalogIdsChanged());
        return report;
    }

    private static boolean sameTerms(StripeCatalog.StripePrice account, CatalogPrice price) {
        return account.unitAmount() == price.unitAmount()
                && account.currency().equalsIgnoreCase(price.currency().toLowerCase(Locale.ROOT))
                && Objects.equals(account.interval(), price.interval());
    }
}
