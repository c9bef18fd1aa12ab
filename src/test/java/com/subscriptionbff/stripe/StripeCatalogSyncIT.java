package com.subscriptionbff.stripe;

import com.subscriptionbff.db.tables.records.PlansRecord;
import com.subscriptionbff.support.IntegrationTest;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.subscriptionbff.db.Tables.PLANS;
import static org.assertj.core.api.Assertions.assertThat;

/** The catalog command against the local Stripe: products and prices created once, their ids kept in the catalog. */
class StripeCatalogSyncIT extends IntegrationTest {

    @Autowired
    StripeCatalogSync sync;

    @Autowired
    DSLContext db;

    private Result<PlansRecord> catalogBefore;

    @BeforeEach
    void keepTheCatalog() {
        catalogBefore = db.selectFrom(PLANS).fetch();
    }

    @AfterEach
    void restoreTheCatalog() {
        catalogBefore.forEach(plan -> plan.changed(true));
        db.batchUpdate(catalogBefore).execute();
    }

    @Test
    void theFirstRunCreatesEveryProductAndPriceTheSecondNothingAndANewAmountGetsANewPrice() {
        int sold = catalogBefore.stream().mapToInt(plan -> com.subscriptionbff.plan.CatalogPrices.of(plan).size()).sum();
        int writesBefore = stripe.executedWrites("/v1/p").size();

        var first = sync.run();
        assertThat(first.productsCreated()).isEqualTo(catalogBefore.size());
        assertThat(first.pricesCreated()).isEqualTo(sold);
        assertThat(first.catalogIdsChanged()).isEqualTo(sold);
        assertThat(stripe.executedWrites("/v1/p").size() - writesBefore).isEqualTo(catalogBefore.size() + sold);
        PlansRecord starter = db.selectFrom(PLANS).where(PLANS.CODE.eq("team-starter")).fetchSingle();
        assertThat(starter.getStripeMonthlyPriceId()).startsWith("price_emu");
        assertThat(stripe.received("/v1/prices").stream().filter(r -> r.method().equals("POST"))
                .anyMatch(r -> "bff:team-starter:monthly".equals(r.params().get("lookup_key"))
                        && String.valueOf(starter.getMonthlyPriceMinor()).equals(r.params().get("unit_amount"))
                        && "month".equals(r.params().get("recurring[interval]")))).isTrue();

        int writesAfterFirst = stripe.executedWrites("/v1/p").size();
        var second = sync.run();
        assertThat(second).isEqualTo(new StripeCatalogSync.Report(0, 0, sold, 0));
        assertThat(stripe.executedWrites("/v1/p")).hasSize(writesAfterFirst);

        // the catalog's price changes: a new Stripe price takes the lookup key over, the old one stays for those on it
        String oldPrice = starter.getStripeMonthlyPriceId();
        db.update(PLANS).set(PLANS.MONTHLY_PRICE_MINOR, starter.getMonthlyPriceMinor() + 1_000)
                .where(PLANS.ID.eq(starter.getId())).execute();
        var third = sync.run();
        assertThat(third).isEqualTo(new StripeCatalogSync.Report(0, 1, sold - 1, 1));
        assertThat(db.fetchValue(PLANS.STRIPE_MONTHLY_PRICE_ID, PLANS.ID.eq(starter.getId()))).isNotEqualTo(oldPrice);
    }
}
