package com.subscriptionbff.subscription;

import com.subscriptionbff.audit.AuditEntry;
import com.subscriptionbff.common.BadRequestException;
import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.common.Inputs;
import com.subscriptionbff.db.enums.AuditAction;
import com.subscriptionbff.plan.PlanRepository;
import com.subscriptionbff.plan.SalesContact;
import com.subscriptionbff.subscription.ChangeRules.Allowed;
import com.subscriptionbff.subscription.ChangeRules.Decision;
import com.subscriptionbff.subscription.ChangeRules.Refused;
import com.subscriptionbff.subscription.ChangeRunner.AuditNote;
import com.subscriptionbff.subscription.ChangeRunner.ChangeContext;
import com.subscriptionbff.subscription.ChangeRunner.ChangeRequest;
import com.subscriptionbff.subscription.ChangeRunner.Refusal;
import com.subscriptionbff.subscription.ChangeRunner.Step;
import com.subscriptionbff.subscription.ChangeRunner.StripeChange;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.CancelScheduledPlanChangeInput;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.CancelSubscriptionInput;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.ChangePlanInput;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.CustomizePlanInput;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.ReactivateSubscriptionInput;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.SubscriptionChangePayload;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.SwitchToAnnualBillingInput;
import org.springframework.stereotype.Service;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The subscription's changes: each one's rules ({@link ChangeRules}), the Stripe call that applies it and what the
 * audit log records of it, run by {@link ChangeRunner} with the caller's idempotency key.
 */
@Service
class SubscriptionChanges {

    private final ChangeRunner runner;
    private final PlanRepository plans;
    private final SalesContact sales;
    private final ChangeCalls stripe;

    SubscriptionChanges(ChangeRunner runner, PlanRepository plans, ChangeCalls stripe, SalesContact sales) {
        this.sales = sales;
        this.runner = runner;
        this.plans = plans;
        this.stripe = stripe;
    }

    SubscriptionChangePayload customizePlan(Principal principal, CustomizePlanInput input) {
        var request = new ChangeRequest(principal, input.workspaceId(), "customizePlan", input.idempotencyKey(), input);
        return changeTerms(request, input.prorationDate(), AuditAction.CUSTOMIZE_PLAN, context -> ChangeRules
                .customizePlan(context.current(), context.target().activeMembers(), input.extraSeats(),
                        input.extraCredits()));
    }

    SubscriptionChangePayload switchToAnnualBilling(Principal principal, SwitchToAnnualBillingInput input) {
        var request = new ChangeRequest(principal, input.workspaceId(), "switchToAnnualBilling",
                input.idempotencyKey(), input);
        return changeTerms(request, input.prorationDate(), AuditAction.SWITCH_TO_ANNUAL_BILLING,
                context -> ChangeRules.switchToAnnualBilling(context.current()));
    }

    SubscriptionChangePayload changePlan(Principal principal, ChangePlanInput input) {
        var planId = GlobalId.uuid("Plan", input.planId());
        var request = new ChangeRequest(principal, input.workspaceId(), "changePlan", input.idempotencyKey(), input);
        return changeTerms(request, input.prorationDate(), AuditAction.CHANGE_PLAN, context -> ChangeRules
                .changePlan(context.current(), plans.findById(planId).orElse(null), input.billingInterval(), sales));
    }

    SubscriptionChangePayload cancelScheduledPlanChange(Principal principal, CancelScheduledPlanChangeInput input) {
        var request = new ChangeRequest(principal, input.workspaceId(), "cancelScheduledPlanChange",
                input.idempotencyKey(), input);
        return runner.run(request, context -> {
            var target = context.target();
            var scheduled = context.current().scheduledChange();
            return ChangeRules.withdrawScheduledChange(target.stripeScheduleId()).<Step>map(Refusal::new)
                    .orElseGet(() -> new StripeChange(key -> stripe.withdrawScheduledChange(target.stripeSubscriptionId(),
                            target.stripeScheduleId(), key), new AuditNote(AuditAction.WITHDRAW_SCHEDULED_PLAN_CHANGE,
                            List.of(new AuditEntry.Change("scheduledPlan",
                                    scheduled == null ? null : scheduled.plan().code(), null)), null, null)));
        });
    }

    SubscriptionChangePayload cancelSubscription(Principal principal, CancelSubscriptionInput input) {
        if (input.reason() == null) {
            throw new BadRequestException("reason is required");
        }
        String comment = Inputs.text(input.comment() == null || input.comment().isBlank() ? null
                : input.comment().strip(), "comment", 2000);
        var request = new ChangeRequest(principal, input.workspaceId(), "cancelSubscription", input.idempotencyKey(),
                input);
        return runner.run(request, context -> ChangeRules.cancel(context.current()).<Step>map(Refusal::new)
                .orElseGet(() -> new StripeChange(key -> stripe.cancel(
                        context.target().stripeSubscriptionId(), input.reason(), comment, key),
                        new AuditNote(AuditAction.CANCEL_SUBSCRIPTION,
                                List.of(new AuditEntry.Change("autoRenew", "true", "false")), input.reason(), comment))));
    }

    SubscriptionChangePayload reactivateSubscription(Principal principal, ReactivateSubscriptionInput input) {
        var request = new ChangeRequest(principal, input.workspaceId(), "reactivateSubscription",
                input.idempotencyKey(), input);
        return runner.run(request, context -> ChangeRules.reactivate(context.current(), context.now())
                .<Step>map(Refusal::new)
                .orElseGet(() -> new StripeChange(key -> stripe.reactivate(context.target().stripeSubscriptionId(), key),
                        new AuditNote(AuditAction.REACTIVATE_SUBSCRIPTION,
                                List.of(new AuditEntry.Change("autoRenew", "false", "true")), null, null))));
    }

    /** A change of plan terms (items): checked, then sent now (prorated) or scheduled for the period end. */
    private SubscriptionChangePayload changeTerms(ChangeRequest request, Instant prorationDate, AuditAction action,
                                                  Function<ChangeContext, Decision> rules) {
        Inputs.instant(prorationDate, "prorationDate");
        return runner.run(request, context -> switch (rules.apply(context)) {
            case Refused refused -> new Refusal(refused.errors());
            case Allowed allowed -> send(context, allowed, prorationDate, action);
        });
    }

    /** A change allowed by its rules: now (prorated as of its preview) or at the period end, if Stripe sells it. */
    private Step send(ChangeContext context, Allowed allowed, Instant prorationDate, AuditAction action) {
        Subscription current = context.current();
        Instant prorateAt = prorationDate == null ? context.now() : prorationDate;
        if (!allowed.atPeriodEnd()) {
            var expired = ChangeRules.prorationDate(prorateAt, context.now(), current.currentPeriod());
            if (expired.isPresent()) {
                return new Refusal(expired.get());
            }
        }
        PlanTerms terms = allowed.terms();
        var prices = stripe.pricesOf(terms);
        var notSold = StripeItems.missingPrice(terms, prices);
        if (notSold.isPresent()) {
            return new Refusal(notSold.get());
        }
        var wanted = StripeItems.wanted(terms, prices);
        var changes = AuditDiff.of(current, terms, allowed.atPeriodEnd());
        String subscriptionId = context.target().stripeSubscriptionId();
        return allowed.atPeriodEnd()
                ? new StripeChange(key -> stripe.scheduleAtPeriodEnd(subscriptionId, wanted, terms.interval(), key),
                        new AuditNote(AuditAction.SCHEDULE_PLAN_CHANGE, changes, null, null))
                : new StripeChange(key -> stripe.changeItems(subscriptionId, wanted, prorateAt, key),
                        new AuditNote(action, changes, null, null));
    }
}
