package com.subscriptionbff.subscription;

import com.subscriptionbff.common.UserError;
import com.subscriptionbff.common.UserError.Code;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.stripe.StripeGateway;
import com.subscriptionbff.workspace.Workspace;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which buttons of the page the viewer may use now, each with the reason when not: the same rules the mutations
 * apply ({@link ChangeRules}), on the subscription the Overview loads, so asking costs no statement of its own.
 */
@Component
public class Capabilities {

    /** A button of the page. */
    public enum Action {
        CUSTOMIZE_PLAN, SWITCH_TO_ANNUAL_BILLING, CHANGE_PLAN, CANCEL, REACTIVATE, UPDATE_PAYMENT_METHOD, BUY_CREDITS,
        SUBSCRIBE, EXPORT
    }

    /** Whether the viewer may use the button now; the code and message the mutation would answer when not. */
    public record Capability(Action action, boolean allowed, Code reasonCode, String reason) {

        static Capability of(Action action, Optional<UserError> refusal) {
            return refusal.map(error -> new Capability(action, false, error.code(), error.message()))
                    .orElseGet(() -> new Capability(action, true, null, null));
        }
    }

    private final StripeGateway stripe;
    private final Clock clock;

    Capabilities(StripeGateway stripe, Clock clock) {
        this.stripe = stripe;
        this.clock = clock;
    }

    /** Every button, in the page's order; `current` null for a workspace that never had a subscription. */
    public List<Capability> of(Workspace workspace, Subscription current) {
        List<Capability> all = new ArrayList<>();
        for (Action action : Action.values()) {
            all.add(Capability.of(action, refusal(action, workspace, current)));
        }
        return all;
    }

    private Optional<UserError> refusal(Action action, Workspace workspace, Subscription current) {
        if (action == Action.EXPORT) {
            return Optional.empty(); // whoever reads the Billing tab exports it
        }
        if (!workspace.viewerCanManageBilling()) {
            return refused(Code.NOT_ALLOWED, "only the workspace's owner or an admin manages billing");
        }
        if (!stripe.configured()) {
            return refused(Code.NOT_CONFIGURED, "Stripe is not configured on this service");
        }
        boolean billed = billed(current);
        return switch (action) {
            case SUBSCRIBE -> billed ? refused(Code.ALREADY_SUBSCRIBED, current.status() == SubscriptionStatus.TRIALING
                    ? "the workspace is on a trial: add a card and the trial becomes paid"
                    : "the workspace already has a subscription: change its plan instead") : Optional.empty();
            case BUY_CREDITS -> current != null && current.plan().purchasedCreditsPricePerMillion() != null
                    ? Optional.empty() : refused(Code.NOT_ELIGIBLE, "this workspace's plan sells no credits to buy");
            default -> billed ? subscriptionRefusal(action, current) : refused(Code.NO_SUBSCRIPTION,
                    "this workspace has no subscription billed through Stripe: subscribe to a plan first");
        };
    }

    private Optional<UserError> subscriptionRefusal(Action action, Subscription current) {
        return switch (action) {
            case CUSTOMIZE_PLAN -> current.scheduledChange() != null
                    ? refused(Code.NOT_ALLOWED, "a plan change is scheduled for the end of the period: withdraw it first")
                    : current.plan().extraSeatPrice() == null && current.plan().extraCreditsPricePerMillion() == null
                    ? refused(Code.ADD_ONS_NOT_SOLD, "the " + current.plan().name() + " plan sells no add-ons")
                    : Optional.empty();
            case SWITCH_TO_ANNUAL_BILLING -> ChangeRules.switchToAnnualBilling(current)
                    instanceof ChangeRules.Refused refused ? Optional.of(refused.errors().getFirst()) : Optional.empty();
            case CHANGE_PLAN -> current.cancelAtPeriodEnd()
                    ? refused(Code.ALREADY_CANCELED, "the subscription is cancelled: reactivate it before changing plan")
                    : Optional.empty();
            case CANCEL -> ChangeRules.cancel(current);
            case REACTIVATE -> ChangeRules.reactivate(current, clock.instant());
            default -> Optional.empty();
        };
    }

    /** Whether the workspace has a paid subscription running in Stripe (not Free, not ended, not none). */
    static boolean billed(Subscription current) {
        return current != null && !current.plan().isFree() && current.status() != SubscriptionStatus.CANCELED;
    }

    private static Optional<UserError> refused(Code code, String message) {
        return Optional.of(UserError.of(code, message));
    }
}
