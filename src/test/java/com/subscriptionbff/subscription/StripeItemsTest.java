package com.subscriptionbff.subscription;

import com.subscriptionbff.common.UserError.Code;
import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.plan.PlanPrices.IntervalPrices;
import com.subscriptionbff.plan.PlanPrices.Role;
import com.subscriptionbff.stripe.StripeItem;
import com.subscriptionbff.stripe.StripeItemUpdate;
import com.subscriptionbff.stripe.StripePhase;
import com.subscriptionbff.subscription.StripeItems.Wanted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static com.subscriptionbff.subscription.ChangeRulesTest.STARTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plan terms as Stripe items, and the updates or schedule phases that get a subscription there. */
class StripeItemsTest {

    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant END = Instant.parse("2026-12-01T00:00:00Z");
    static final IntervalPrices MONTHLY = new IntervalPrices("price_plan_m", "price_seat_m", "price_credits_m");
    static final IntervalPrices ANNUAL = new IntervalPrices("price_plan_y", "price_seat_y", "price_credits_y");
    static final Map<String, Role> ROLES = Map.of(
            "price_plan_m", Role.PLAN, "price_seat_m", Role.EXTRA_SEATS, "price_credits_m", Role.EXTRA_CREDITS,
            "price_plan_y", Role.PLAN, "price_seat_y", Role.EXTRA_SEATS, "price_credits_y", Role.EXTRA_CREDITS);
    static final Function<String, Optional<Role>> ROLE_OF = price -> Optional.ofNullable(ROLES.get(price));

    static StripeItem item(String id, String price, long quantity) {
        return new StripeItem(id, price, quantity, START, END);
    }

    static List<Wanted> wanted(IntervalPrices prices, int seats, long credits) {
        return StripeItems.wanted(new PlanTerms(STARTER, BillingInterval.MONTH, seats, credits), prices);
    }

    @Test
    void termsWantThePlanAndEachAddOnWithZeroForNone() {
        assertThat(wanted(MONTHLY, 2, 0)).containsExactly(new Wanted(Role.PLAN, "price_plan_m", 1),
                new Wanted(Role.EXTRA_SEATS, "price_seat_m", 2), new Wanted(Role.EXTRA_CREDITS, null, 0));
    }

    @Test
    void aPriceTheTermsNeedButTheCatalogLacksIsARefusalOneTheyDoNotNeedIsNot() {
        var noSeats = new IntervalPrices("price_plan_m", null, "price_credits_m");
        assertThat(StripeItems.missingPrice(new PlanTerms(STARTER, BillingInterval.MONTH, 0, 5_000_000), noSeats))
                .isEmpty();
        var refusal = StripeItems.missingPrice(new PlanTerms(STARTER, BillingInterval.MONTH, 1, 0), noSeats)
                .orElseThrow();
        assertThat(refusal.code()).isEqualTo(Code.NOT_ELIGIBLE);
        assertThat(refusal.message()).isEqualTo("the Team Starter plan is not sold this way (no Stripe price for its seat)");
        assertThat(StripeItems.missingPrice(new PlanTerms(STARTER, BillingInterval.YEAR, 0, 0),
                new IntervalPrices(null, null, null)).orElseThrow().message()).endsWith("for its plan)");
    }

    @Test
    void itemsOfTheSameRoleKeepTheirIdsUnwantedOnesAreDeletedNewOnesAdded() {
        var current = List.of(item("si_plan", "price_plan_m", 1), item("si_credits", "price_credits_m", 5));
        var diff = StripeItems.diff("sub_1", current, ROLE_OF, wanted(ANNUAL, 3, 0));
        assertThat(diff.unchanged()).isFalse();
        assertThat(diff.updates()).containsExactly(
                new StripeItemUpdate("si_plan", "price_plan_y", 1L, false),
                new StripeItemUpdate(null, "price_seat_y", 3L, false),
                new StripeItemUpdate("si_credits", null, null, true));
    }

    @Test
    void aNewQuantityOnTheSamePriceKeepsThePrice() {
        var current = List.of(item("si_plan", "price_plan_m", 1), item("si_seats", "price_seat_m", 2));
        assertThat(StripeItems.diff("sub_1", current, ROLE_OF, wanted(MONTHLY, 5, 0)).updates()).containsExactly(
                new StripeItemUpdate("si_plan", null, 1L, false),
                new StripeItemUpdate("si_seats", null, 5L, false));
    }

    @Test
    void itemsAsWantedAlreadyAreUnchanged() {
        var current = List.of(item("si_plan", "price_plan_m", 1), item("si_seats", "price_seat_m", 2));
        assertThat(StripeItems.diff("sub_1", current, ROLE_OF, wanted(MONTHLY, 2, 0)).unchanged()).isTrue();
    }

    @Test
    void aPriceOutsideTheCatalogIsAnError() {
        assertThatThrownBy(() -> StripeItems.diff("sub_1", List.of(item("si_x", "price_unknown", 1)), ROLE_OF,
                wanted(MONTHLY, 0, 0))).hasMessage("subscription sub_1 has a price outside the catalog: price_unknown");
    }

    @Test
    void aChangeAtThePeriodEndKeepsTodaysItemsUntilThePlanItemsPeriodEndsThenTheNewOnesForOneInterval() {
        var current = List.of(item("si_seats", "price_seat_m", 2), item("si_plan", "price_plan_m", 1));
        var now = StripeItems.currentPhase("sub_1", current, null, ROLE_OF);
        assertThat(now).isEqualTo(new StripePhase(START, END, null, null,
                List.of(new StripePhase.Item("price_seat_m", 2L), new StripePhase.Item("price_plan_m", 1L))));
        assertThat(StripeItems.nextPhase(wanted(ANNUAL, 0, 3_000_000), BillingInterval.YEAR)).isEqualTo(
                new StripePhase(null, null, null, BillingInterval.YEAR, List.of(
                        new StripePhase.Item("price_plan_y", 1L), new StripePhase.Item("price_credits_y", 3L))));
    }

    @Test
    void aRunningTrialIsKeptInThePhaseAPastOneIsNot() {
        var current = List.of(item("si_plan", "price_plan_m", 1));
        Instant trialEnd = START.plus(Duration.ofDays(10));
        assertThat(StripeItems.currentPhase("sub_1", current, trialEnd, ROLE_OF).trialEnd()).isEqualTo(trialEnd);
        assertThat(StripeItems.currentPhase("sub_1", current, START, ROLE_OF).trialEnd()).isNull();
    }
}
