package com.subscriptionbff.subscription;

import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.common.Money;
import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.plan.PlanRepository;
import com.subscriptionbff.plan.SalesContact;
import com.subscriptionbff.common.UserError;
import com.subscriptionbff.stripe.StripePreview;
import com.subscriptionbff.stripe.StripeRefusal;
import com.subscriptionbff.subscription.ChangeRules.Allowed;
import com.subscriptionbff.subscription.ChangeRules.Decision;
import com.subscriptionbff.subscription.ChangeRules.Refused;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.ChangePreviewPayload;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.PreviewChangePlanInput;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.PreviewCustomizePlanInput;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.PreviewSwitchToAnnualBillingInput;
import com.subscriptionbff.subscription.SubscriptionRepository.ChangeTarget;
import com.subscriptionbff.workspace.Workspace;
import com.subscriptionbff.workspace.WorkspaceAccess;
import org.springframework.stereotype.Service;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What a change would cost, before the user confirms: the same rules as the change, then Stripe's invoice preview of
 * a change now (prorated as of now: the mutation charges exactly this when given the preview's prorationDate), or
 * nothing due now for a change at the period end. The recurring figures come from the catalog.
 */
@Service
class ChangePreviews {

    private final WorkspaceAccess access;
    private final SubscriptionRepository subscriptions;
    private final PlanRepository plans;
    private final SalesContact sales;
    private final ChangeCalls stripe;
    private final Clock clock;

    ChangePreviews(WorkspaceAccess access, SubscriptionRepository subscriptions, PlanRepository plans,
                   ChangeCalls stripe, SalesContact sales, Clock clock) {
        this.sales = sales;
        this.access = access;
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.stripe = stripe;
        this.clock = clock;
    }

    ChangePreviewPayload previewCustomizePlan(Principal principal, PreviewCustomizePlanInput input) {
        return preview(principal, input.workspaceId(), target -> ChangeRules.customizePlan(target.current(),
                target.activeMembers(), input.extraSeats(), input.extraCredits()));
    }

    ChangePreviewPayload previewSwitchToAnnualBilling(Principal principal, PreviewSwitchToAnnualBillingInput input) {
        return preview(principal, input.workspaceId(), target -> ChangeRules.switchToAnnualBilling(target.current()));
    }

    ChangePreviewPayload previewChangePlan(Principal principal, PreviewChangePlanInput input) {
        var planId = GlobalId.uuid("Plan", input.planId());
        return preview(principal, input.workspaceId(), target -> ChangeRules.changePlan(target.current(),
                plans.findById(planId).orElse(null), input.billingInterval(), sales));
    }

    private ChangePreviewPayload preview(Principal principal, String workspaceId, Function<ChangeTarget, Decision> rules) {
        Workspace workspace = access.manageable(principal, workspaceId);
        Instant now = clock.instant();
        var target = subscriptions.findChangeTarget(workspace.workspaceId(), now).orElse(null);
        if (target == null || target.stripeSubscriptionId() == null) {
            return new ChangePreviewPayload(null, ChangeRunner.noSubscription(target).userErrors());
        }
        Allowed allowed;
        switch (rules.apply(target)) {
            case Refused refused -> {
                return new ChangePreviewPayload(null, refused.errors());
            }
            case Allowed checked -> allowed = checked;
        }
        Subscription current = target.current();
        PlanTerms terms = allowed.terms();
        Subscription after = current.with(terms.plan(), terms.interval(), terms.extraSeats(), terms.extraCredits());
        Money savings = terms.interval() == BillingInterval.YEAR && current.billingInterval() == BillingInterval.MONTH
                && current.annualBillingOffer() != null ? current.annualBillingOffer().savingsPerYear() : null;
        if (allowed.atPeriodEnd()) {
            Money zero = Money.zero(after.price().currency());
            return new ChangePreviewPayload(new ChangePreview(zero, zero, List.of(), after.price(),
                    after.recurringTotal(), terms.interval(), current.currentPeriod().end(), now, savings), List.of());
        }
        if (target.stripeCustomerId() == null) {
            return new ChangePreviewPayload(null, List.of(UserError.of(UserError.Code.NOT_ELIGIBLE,
                    "this workspace has no billing account in Stripe yet")));
        }
        var prices = stripe.pricesOf(terms);
        var notSold = StripeItems.missingPrice(terms, prices);
        if (notSold.isPresent()) {
            return new ChangePreviewPayload(null, List.of(notSold.get()));
        }
        String currency = after.price().currency().getCurrencyCode();
        try {
            StripePreview preview = stripe.preview(target.stripeCustomerId(), target.stripeSubscriptionId(),
                    StripeItems.wanted(terms, prices), now);
            List<ChangePreview.Line> lines = preview.lines().stream()
                    .map(line -> new ChangePreview.Line(line.description(), Money.of(line.amount(), currency))).toList();
            return new ChangePreviewPayload(new ChangePreview(Money.of(preview.amountDue(), currency),
                    Money.of(preview.total(), currency), lines, after.price(), after.recurringTotal(),
                    terms.interval(), now, now, savings), List.of());
        } catch (StripeRefusal refusal) {
            return new ChangePreviewPayload(null, List.of(refusal.userError()));
        }
    }
}
