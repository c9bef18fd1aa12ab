package com.subscriptionbff.subscription;

import com.subscriptionbff.common.UserError;
import com.subscriptionbff.common.UserError.Code;
import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.plan.PlanPrices.IntervalPrices;
import com.subscriptionbff.plan.PlanPrices.Role;
import com.subscriptionbff.stripe.StripeItem;
import com.subscriptionbff.stripe.StripeItemUpdate;
import com.subscriptionbff.stripe.StripePhase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Plan terms as Stripe items, and what turns a subscription's items into them: the item updates of a change now, or
 * the two phases of a change at the period end. Pure: the prices and what each price stands for are given.
 */
final class StripeItems {

    private StripeItems() {
    }

    /** One line as the terms want it; quantity 0 (and no price) where the terms want none. */
    record Wanted(Role role, String priceId, long quantity) {
    }

    /** The item updates of a change now; `unchanged` when Stripe has the wanted items already. */
    record Diff(List<StripeItemUpdate> updates, boolean unchanged) {
    }

    /** A refusal when the catalog lacks a Stripe price the terms need: the plan is not sold this way. */
    static Optional<UserError> missingPrice(PlanTerms terms, IntervalPrices prices) {
        String missing = prices.plan() == null ? "plan"
                : terms.extraSeats() > 0 && prices.extraSeat() == null ? "seat"
                : terms.extraCreditMillions() > 0 && prices.extraCredits() == null ? "credits" : null;
        return missing == null ? Optional.empty() : Optional.of(UserError.of(Code.NOT_ELIGIBLE, "the "
                + terms.plan().name() + " plan is not sold this way (no Stripe price for its " + missing + ")"));
    }

    /** The plan's line, then the add-ons' (0 where none); the prices must be there ({@link #missingPrice}). */
    static List<Wanted> wanted(PlanTerms terms, IntervalPrices prices) {
        return List.of(new Wanted(Role.PLAN, prices.plan(), 1),
                terms.extraSeats() > 0 ? new Wanted(Role.EXTRA_SEATS, prices.extraSeat(), terms.extraSeats())
                        : new Wanted(Role.EXTRA_SEATS, null, 0),
                terms.extraCreditMillions() > 0
                        ? new Wanted(Role.EXTRA_CREDITS, prices.extraCredits(), terms.extraCreditMillions())
                        : new Wanted(Role.EXTRA_CREDITS, null, 0));
    }

    /**
     * The item updates that turn the subscription's items into the wanted ones: an item of the same role keeps its id
     * (a new price and quantity on it), an unwanted one is deleted, a new role is added.
     */
    static Diff diff(String subscriptionId, List<StripeItem> current, Function<String, Optional<Role>> roleOf,
                     List<Wanted> wanted) {
        Map<Role, StripeItem> existing = byRole(subscriptionId, current, roleOf);
        List<StripeItemUpdate> updates = new ArrayList<>();
        boolean unchanged = true;
        for (Wanted item : wanted) {
            StripeItem present = existing.remove(item.role());
            if (item.quantity() <= 0) {
                if (present != null) {
                    updates.add(new StripeItemUpdate(present.itemId(), null, null, true));
                    unchanged = false;
                }
            } else if (present == null) {
                updates.add(new StripeItemUpdate(null, item.priceId(), item.quantity(), false));
                unchanged = false;
            } else {
                String price = item.priceId().equals(present.priceId()) ? null : item.priceId();
                updates.add(new StripeItemUpdate(present.itemId(), price, item.quantity(), false));
                unchanged &= price == null && Long.valueOf(item.quantity()).equals(present.quantity());
            }
        }
        for (StripeItem left : existing.values()) {
            updates.add(new StripeItemUpdate(left.itemId(), null, null, true));
            unchanged = false;
        }
        return new Diff(updates, unchanged);
    }

    /**
     * The phase running now, as the subscription has it until its plan item's period ends (its trial kept: the phases
     * replace the subscription's).
     */
    static StripePhase currentPhase(String subscriptionId, List<StripeItem> current, Instant trialEnd,
                                    Function<String, Optional<Role>> roleOf) {
        StripeItem base = current.stream().filter(item -> roleOf.apply(item.priceId()).orElse(null) == Role.PLAN)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("subscription " + subscriptionId + " has no plan"));
        return new StripePhase(base.periodStart(), base.periodEnd(),
                trialEnd != null && trialEnd.isAfter(base.periodStart()) ? trialEnd : null, null,
                current.stream().map(item -> new StripePhase.Item(item.priceId(), item.quantity())).toList());
    }

    /** The phase after it: the wanted items, for one interval, after which the schedule releases the subscription. */
    static StripePhase nextPhase(List<Wanted> wanted, BillingInterval interval) {
        return new StripePhase(null, null, null, interval, wanted.stream().filter(item -> item.quantity() > 0)
                .map(item -> new StripePhase.Item(item.priceId(), item.quantity())).toList());
    }

    private static Map<Role, StripeItem> byRole(String subscriptionId, List<StripeItem> items,
                                                Function<String, Optional<Role>> roleOf) {
        Map<Role, StripeItem> byRole = new EnumMap<>(Role.class);
        for (StripeItem item : items) {
            Role role = roleOf.apply(item.priceId()).orElseThrow(() -> new IllegalStateException("subscription "
                    + subscriptionId + " has a price outside the catalog: " + item.priceId()));
            byRole.put(role, item);
        }
        return byRole;
    }
}
