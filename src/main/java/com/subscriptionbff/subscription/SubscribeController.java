package com.subscriptionbff.subscription;

import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.common.Inputs;
import com.subscriptionbff.common.Money;
import com.subscriptionbff.common.ReturnUrls;
import com.subscriptionbff.common.UserError;
import com.subscriptionbff.common.UserError.Code;
import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.plan.Plan;
import com.subscriptionbff.plan.PlanPrices;
import com.subscriptionbff.plan.PlanRepository;
import com.subscriptionbff.plan.SalesContact;
import com.subscriptionbff.stripe.StripeHostedPages;
import com.subscriptionbff.stripe.StripeCustomers;
import com.subscriptionbff.stripe.StripeRefusal;
import com.subscriptionbff.workspace.Workspace;
import com.subscriptionbff.workspace.WorkspaceAccess;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Upgrade my plan" from the Free plan or after a subscription ended: the rules, the price of the first period from
 * the catalog, then Stripe Checkout in subscription mode. The subscription is written when Stripe confirms it
 * (checkout.session.completed, see stripe/StripeEventHandler), not here.
 */
@Controller
class SubscribeController {

    record SubscribeInput(String workspaceId, String planId, BillingInterval billingInterval, Integer extraSeats,
                          String returnUrl, String idempotencyKey) {
    }

    record SubscribePreview(Plan plan, BillingInterval billingInterval, Money amountDue, Money recurringTotal) {
    }

    record SubscribePayload(String checkoutUrl, SubscribePreview preview, List<UserError> userErrors) {
    }

    private final WorkspaceAccess access;
    private final PlanRepository plans;
    private final PlanPrices prices;
    private final SalesContact sales;
    private final SubscriptionRepository subscriptions;
    private final ReturnUrls returnUrls;
    private final StripeHostedPages stripePages;
    private final StripeCustomers customers;
    private final Clock clock;

    SubscribeController(WorkspaceAccess access, PlanRepository plans, PlanPrices prices, SalesContact sales,
                        SubscriptionRepository subscriptions, ReturnUrls returnUrls, StripeHostedPages stripePages,
                        StripeCustomers customers, Clock clock) {
        this.customers = customers;
        this.access = access;
        this.plans = plans;
        this.prices = prices;
        this.sales = sales;
        this.subscriptions = subscriptions;
        this.returnUrls = returnUrls;
        this.stripePages = stripePages;
        this.clock = clock;
    }

    @MutationMapping
    SubscribePayload subscribe(@Argument SubscribeInput input, Principal principal) {
        Workspace workspace = access.manageable(principal, input.workspaceId());
        String key = Inputs.idempotencyKey(workspace.workspaceId(), "subscribe", input.idempotencyKey());
        Plan plan = plans.findById(GlobalId.uuid("Plan", input.planId())).orElse(null);
        BillingInterval interval = input.billingInterval() == null ? BillingInterval.MONTH : input.billingInterval();
        int seats = input.extraSeats() == null ? 0 : input.extraSeats();
        List<UserError> errors = new ArrayList<>();
        var target = subscriptions.findChangeTarget(workspace.workspaceId(), clock.instant()).orElse(null);
        if (target != null && target.stripeSubscriptionId() != null
                && target.current().status() != SubscriptionStatus.CANCELED) {
            errors.add(UserError.of(Code.ALREADY_SUBSCRIBED, target.current().status() == SubscriptionStatus.TRIALING
                    ? "the workspace is on a trial: add a card with updatePaymentMethod and the trial becomes paid"
                    : "the workspace already has a subscription: change its plan instead"));
        }
        if (plan == null) {
            errors.add(UserError.of(Code.PLAN_UNAVAILABLE, "no plan with this id", "input", "planId"));
        } else {
            refusal(plan, interval, seats).ifPresent(errors::add);
        }
        returnUrls.refusal(input.returnUrl()).ifPresent(errors::add);
        var stripePrices = plan == null || !errors.isEmpty() ? null : prices.of(plan.planId(), interval);
        if (stripePrices != null && (stripePrices.plan() == null || seats > 0 && stripePrices.extraSeat() == null)) {
            errors.add(UserError.of(Code.PLAN_UNAVAILABLE, "the " + plan.name() + " plan is not sold through Stripe "
                    + "at this interval", "input", "planId"));
        }
        if (!errors.isEmpty()) {
            return new SubscribePayload(null, null, errors);
        }
        Money total = plan.priceFor(interval);
        if (seats > 0) {
            total = total.plus(plan.extraSeatPriceFor(interval).times(seats));
        }
        Map<String, Long> items = new LinkedHashMap<>();
        items.put(stripePrices.plan(), 1L);
        if (seats > 0) {
            items.put(stripePrices.extraSeat(), (long) seats);
        }
        try {
            String customer = customers.ensureCustomer(workspace.workspaceId(), workspace.name());
            String url = stripePages.subscriptionCheckoutUrl(customer, workspace.workspaceId(), items,
                    input.returnUrl(), input.returnUrl(), key);
            return new SubscribePayload(url, new SubscribePreview(plan, interval, total, total), List.of());
        } catch (StripeRefusal refusal) {
            return new SubscribePayload(null, null, List.of(refusal.userError()));
        }
    }

    private java.util.Optional<UserError> refusal(Plan plan, BillingInterval interval, int seats) {
        if (plan.isFree()) {
            return java.util.Optional.of(UserError.of(Code.PLAN_UNAVAILABLE, "the Free plan needs no subscription",
                    "input", "planId"));
        }
        if (!sales.selfServe(plan)) {
            return java.util.Optional.of(UserError.of(Code.PLAN_UNAVAILABLE, "the " + plan.name() + " plan is sold "
                    + "by our sales team: contact " + sales.urlFor(plan), "input", "planId"));
        }
        if (interval == BillingInterval.YEAR && plan.annualPrice() == null) {
            return java.util.Optional.of(UserError.of(Code.PLAN_UNAVAILABLE, "the " + plan.name()
                    + " plan is not sold annually", "input", "billingInterval"));
        }
        if (seats < 0) {
            return java.util.Optional.of(UserError.of(Code.INVALID_QUANTITY, "extra seats cannot be negative",
                    "input", "extraSeats"));
        }
        return ChangeRules.extraSeats(plan, seats);
    }
}
