package com.subscriptionbff.subscription;

import com.subscriptionbff.common.Money;
import com.subscriptionbff.common.Percent;
import com.subscriptionbff.common.UserError;
import com.subscriptionbff.common.UserError.Code;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.plan.Plan;
import com.subscriptionbff.plan.PlanRepository;
import com.subscriptionbff.plan.SalesContact;
import com.subscriptionbff.workspace.Workspace;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;

/**
 * The plan-selection page for one workspace: what choosing each plan of the catalog would do now, by the rules
 * changePlan and subscribe apply, and the annual toggle's savings per plan. One statement: the catalog.
 */
@Component
public class PlanChoices {

    /** What choosing a plan would do. */
    public enum Effect {
        CURRENT, UPGRADE_NOW, DOWNGRADE_AT_PERIOD_END, SUBSCRIBE, CONTACT_SALES, NOT_AVAILABLE
    }

    /** A plan of the page, its effect, the reason when it cannot be chosen, and its annual savings. */
    public record PlanChoice(Plan plan, Effect effect, Code reasonCode, String reason, Money annualSavings,
                             BigDecimal annualSavingsPercent) {
    }

    private final PlanRepository plans;
    private final SalesContact sales;

    PlanChoices(PlanRepository plans, SalesContact sales) {
        this.plans = plans;
        this.sales = sales;
    }

    /** Every plan in display order; `current` null for a workspace that never had a subscription. */
    public List<PlanChoice> of(Workspace workspace, Subscription current) {
        return plans.findCatalog().stream().map(plan -> choice(workspace, current, plan)).toList();
    }

    private PlanChoice choice(Workspace workspace, Subscription current, Plan plan) {
        Money yearOfMonths = plan.monthlyPrice().times(12);
        Money savings = plan.annualPrice() == null ? null : yearOfMonths.minus(plan.annualPrice());
        boolean saves = savings != null && savings.minorUnits() > 0;
        Money annualSavings = saves ? savings : null;
        BigDecimal percent = saves ? Percent.of(savings.minorUnits(), yearOfMonths.minorUnits()) : null;
        boolean billed = Capabilities.billed(current);
        Plan currentPlan = current == null || current.status() == SubscriptionStatus.CANCELED ? null : current.plan();
        if (currentPlan != null ? currentPlan.planId().equals(plan.planId()) : plan.isFree()) {
            return new PlanChoice(plan, Effect.CURRENT, null, null, annualSavings, percent);
        }
        UserError refusal = null;
        Effect effect;
        if (!sales.selfServe(plan)) {
            effect = Effect.CONTACT_SALES;
            refusal = UserError.of(Code.PLAN_UNAVAILABLE, "the " + plan.name() + " plan is sold by our sales team: "
                    + "contact " + sales.urlFor(plan));
        } else if (!workspace.viewerCanManageBilling()) {
            effect = Effect.NOT_AVAILABLE;
            refusal = UserError.of(Code.NOT_ALLOWED, "only the workspace's owner or an admin changes the plan");
        } else if (plan.isFree()) {
            effect = Effect.NOT_AVAILABLE;
            refusal = UserError.of(Code.NOT_ALLOWED, "cancel the subscription: when it ends, the workspace is on the "
                    + plan.name() + " plan");
        } else if (!billed) {
            effect = Effect.SUBSCRIBE;
        } else if (ChangeRules.changePlan(current, plan, null) instanceof ChangeRules.Allowed allowed) {
            effect = allowed.atPeriodEnd() ? Effect.DOWNGRADE_AT_PERIOD_END : Effect.UPGRADE_NOW;
        } else {
            effect = Effect.NOT_AVAILABLE;
            refusal = ((ChangeRules.Refused) ChangeRules.changePlan(current, plan, null)).errors().getFirst();
        }
        return new PlanChoice(plan, effect, refusal == null ? null : refusal.code(),
                refusal == null ? null : refusal.message(), annualSavings, percent);
    }
}
