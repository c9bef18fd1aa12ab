package com.subscriptionbff.subscription;

import com.subscriptionbff.audit.AuditEntry;
import com.subscriptionbff.audit.AuditLog;
import com.subscriptionbff.common.BadRequestException;
import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.common.Inputs;
import com.subscriptionbff.common.Money;
import com.subscriptionbff.common.UserError;
import com.subscriptionbff.common.UserError.Code;
import com.subscriptionbff.db.enums.AuditAction;
import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.CancellationReason;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.plan.Plan;
import com.subscriptionbff.plan.PlanRepository;
import com.subscriptionbff.stripe.StripeGateway;
import com.subscriptionbff.stripe.StripePlanTerms;
import com.subscriptionbff.stripe.StripePreview;
import com.subscriptionbff.stripe.StripeRefusal;
import com.subscriptionbff.stripe.StripeSettings;
import com.subscriptionbff.stripe.StripeSubscriptionState;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.ChangePreviewPayload;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.SubscriptionChangePayload;
import com.subscriptionbff.subscription.SubscriptionRepository.ChangeTarget;
import com.subscriptionbff.workspace.Workspace;
import com.subscriptionbff.workspace.WorkspaceAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The subscription's changes: each is validated against the catalog and the seats in use, sent to Stripe with the
 * caller's idempotency key, and Stripe's answer is written with its audit entry in one transaction. While one change
 * is on its way to Stripe, another one on the same subscription is refused as a conflict.
 */
@Service
class SubscriptionChanges {

    /** The most Stripe calls one change makes (read, release, create schedule, set phases). */
    static final int MAX_CALLS_PER_CHANGE = 4;
    /** How old a preview's proration date may be: older previews are previewed again. */
    static final Duration PREVIEW_VALIDITY = Duration.ofHours(1);
    static final long MAX_EXTRA_CREDITS = 1_000_000_000_000L;

    private final WorkspaceAccess access;
    private final SubscriptionRepository subscriptions;
    private final PlanRepository plans;
    private final StripeGateway stripe;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** How long a change that never heard back from Stripe blocks other changes: longer than its calls can take. */
    private final Duration changeLease;

    SubscriptionChanges(WorkspaceAccess access, SubscriptionRepository subscriptions, PlanRepository plans,
                        StripeGateway stripe, AuditLog audit, TransactionTemplate transactions, Clock clock,
                        StripeSettings settings) {
        this.changeLease = settings.connectTimeout().plus(settings.readTimeout())
                .multipliedBy((settings.maxNetworkRetries() + 1L) * MAX_CALLS_PER_CHANGE).plusSeconds(30);
        this.access = access;
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.stripe = stripe;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The state of a change request: the workspace, what it has now and, once validated, what it asks for. */
    private record Request(Workspace workspace, ChangeTarget target, Instant now, Object input) {
        Subscription current() {
            return target.current();
        }
    }

    /** What the checks of a change decide: refused, or ready to send to Stripe. */
    private sealed interface Checked permits Refused, Send {
    }

    /** What the checks of new plan terms decide: refused, or valid terms (previewed, or sent by {@link #change}). */
    private sealed interface TermsChecked permits Refused, Valid {
    }

    /** A checked change, ready for Stripe: the call (given the idempotency key) and what the audit log records. */
    private record Send(Function<String, StripeSubscriptionState> call, AuditAction action,
                        List<AuditEntry.Change> changes, CancellationReason reason, String comment) implements Checked {
    }

    private record Refused(List<UserError> errors) implements Checked, TermsChecked {
    }

    private record Valid(StripePlanTerms terms, Plan plan, boolean atPeriodEnd) implements TermsChecked {
    }

    // ---- customize the plan -------------------------------------------------------------------------------------

    ChangePreviewPayload previewCustomizePlan(Principal principal, String workspaceId, Integer extraSeats,
                                              Long extraCredits) {
        return preview(principal, workspaceId, request -> checkCustomization(request, extraSeats, extraCredits));
    }

    SubscriptionChangePayload customizePlan(Principal principal, SubscriptionChangeInputs.CustomizePlanInput input) {
        return change(principal, input, input.workspaceId(), "customizePlan", input.idempotencyKey(), input.prorationDate(),
                request -> checkCustomization(request, input.extraSeats(), input.extraCredits()),
                AuditAction.CUSTOMIZE_PLAN, null, null);
    }

    private TermsChecked checkCustomization(Request request, Integer extraSeats, Long extraCredits) {
        Subscription current = request.current();
        Plan plan = current.plan();
        int seats = extraSeats == null ? current.extraSeats() : extraSeats;
        long credits = extraCredits == null ? current.extraCredits() : extraCredits;
        List<UserError> errors = new ArrayList<>();
        if (seats < 0) {
            errors.add(UserError.of(Code.INVALID_QUANTITY, "extra seats cannot be negative", "input", "extraSeats"));
        }
        if (credits < 0 || credits > MAX_EXTRA_CREDITS || credits % Plan.CREDITS_PER_UNIT != 0) {
            errors.add(UserError.of(Code.INVALID_QUANTITY,
                    "extra credits are sold by the million: 0, 1000000, 2000000...", "input", "extraCredits"));
        }
        if (!errors.isEmpty()) {
            return new Refused(errors);
        }
        ended(current).ifPresent(errors::add);
        if (current.scheduledChange() != null) {
            errors.add(UserError.of(Code.NOT_ALLOWED,
                    "a plan change is scheduled for the end of the period: withdraw it before customizing"));
        }
        if (seats > 0 && plan.extraSeatPrice() == null) {
            errors.add(UserError.of(Code.ADD_ONS_NOT_SOLD, "the " + plan.name() + " plan sells no extra seats",
                    "input", "extraSeats"));
        } else if (seats > plan.maxExtraSeats()) {
            errors.add(UserError.of(Code.ABOVE_PLAN_LIMIT, "the " + plan.name() + " plan sells at most "
                    + plan.maxExtraSeats() + " extra seats", "input", "extraSeats"));
        } else if (plan.includedSeats() + seats < request.target().activeMembers()) {
            errors.add(UserError.of(Code.BELOW_SEATS_IN_USE, request.target().activeMembers()
                    + " members are active: the plan needs at least " + request.target().activeMembers() + " seats",
                    "input", "extraSeats"));
        }
        if (credits > 0 && plan.extraCreditsPricePerMillion() == null) {
            errors.add(UserError.of(Code.ADD_ONS_NOT_SOLD, "the " + plan.name() + " plan sells no extra credits",
                    "input", "extraCredits"));
        }
        if (errors.isEmpty() && seats == current.extraSeats() && credits == current.extraCredits()) {
            errors.add(UserError.of(Code.NO_CHANGE, "the plan already has these extra seats and credits"));
        }
        return errors.isEmpty() ? new Valid(new StripePlanTerms(plan.planId(), current.billingInterval(), seats,
                credits / Plan.CREDITS_PER_UNIT), plan, false) : new Refused(errors);
    }

    // ---- switch to annual billing -------------------------------------------------------------------------------

    ChangePreviewPayload previewSwitchToAnnualBilling(Principal principal, String workspaceId) {
        return preview(principal, workspaceId, this::checkAnnualSwitch);
    }

    SubscriptionChangePayload switchToAnnualBilling(Principal principal,
                                                    SubscriptionChangeInputs.SwitchToAnnualBillingInput input) {
        return change(principal, input, input.workspaceId(), "switchToAnnualBilling", input.idempotencyKey(),
                input.prorationDate(), this::checkAnnualSwitch, AuditAction.SWITCH_TO_ANNUAL_BILLING, null, null);
    }

    private TermsChecked checkAnnualSwitch(Request request) {
        Subscription current = request.current();
        if (current.billingInterval() == BillingInterval.YEAR) {
            return refused(Code.NOT_ELIGIBLE, "the subscription is already billed annually");
        }
        var ended = ended(current);
        if (ended.isPresent()) {
            return new Refused(List.of(ended.get()));
        }
        if (current.scheduledChange() != null) {
            return refused(Code.NOT_ALLOWED,
                    "a plan change is scheduled for the end of the period: withdraw it before switching");
        }
        if (current.annualBillingOffer() == null) {
            return refused(Code.NOT_ELIGIBLE, "the " + current.plan().name()
                    + " plan offers no annual billing to this subscription");
        }
        return new Valid(new StripePlanTerms(current.plan().planId(), BillingInterval.YEAR, current.extraSeats(),
                current.extraCredits() / Plan.CREDITS_PER_UNIT), current.plan(), false);
    }

    // ---- change plan ----------------------------------------------------------------------------------------------

    ChangePreviewPayload previewChangePlan(Principal principal,
                                           SubscriptionChangeInputs.PreviewChangePlanInput input) {
        var planId = GlobalId.uuid("Plan", input.planId());
        return preview(principal, input.workspaceId(),
                request -> checkPlanChange(request, planId, input.billingInterval()));
    }

    SubscriptionChangePayload changePlan(Principal principal, SubscriptionChangeInputs.ChangePlanInput input) {
        var planId = GlobalId.uuid("Plan", input.planId());
        return change(principal, input, input.workspaceId(), "changePlan", input.idempotencyKey(), input.prorationDate(),
                request -> checkPlanChange(request, planId, input.billingInterval()), AuditAction.CHANGE_PLAN,
                null, null);
    }

    /**
     * An upgrade (a higher price for the interval) takes effect now, prorated; a downgrade waits for the end of the
     * period. Extra seats and credits are carried over as far as the new plan sells them. Annual billing cannot go
     * back to monthly before its period ends. The new plan must bill in the subscription's currency.
     */
    private TermsChecked checkPlanChange(Request request, java.util.UUID planId, BillingInterval askedInterval) {
        Subscription current = request.current();
        var ended = ended(current);
        if (ended.isPresent()) {
            return new Refused(List.of(ended.get()));
        }
        if (current.cancelAtPeriodEnd()) {
            return refused(Code.ALREADY_CANCELED, "the subscription is cancelled: reactivate it before changing plan");
        }
        Plan target = plans.findById(planId).orElse(null);
        if (target == null) {
            return refused(Code.PLAN_UNAVAILABLE, "no plan with this id", "input", "planId");
        }
        if (!target.currency().equals(current.plan().currency())) {
            // a Stripe subscription bills in one currency, and prices of two can be neither compared nor prorated
            return refused(Code.PLAN_UNAVAILABLE, "the " + target.name() + " plan is billed in " + target.currency()
                    + " and this subscription in " + current.plan().currency(), "input", "planId");
        }
        BillingInterval interval = askedInterval == null ? current.billingInterval() : askedInterval;
        if (current.billingInterval() == BillingInterval.YEAR && interval == BillingInterval.MONTH) {
            return refused(Code.ANNUAL_COMMITMENT, "annual billing cannot be switched back to monthly before the "
                    + "period ends on " + current.currentPeriod().end(), "input", "billingInterval");
        }
        if (target.planId().equals(current.plan().planId()) && interval == current.billingInterval()) {
            return refused(Code.NO_CHANGE, "the subscription is already on this plan", "input", "planId");
        }
        boolean downgrade = target.priceFor(BillingInterval.MONTH).minorUnits()
                < current.plan().priceFor(BillingInterval.MONTH).minorUnits();
        if (interval == BillingInterval.YEAR && target.annualPrice() == null) {
            if (!downgrade) {
                return refused(Code.PLAN_UNAVAILABLE, "the " + target.name() + " plan is not sold annually",
                        "input", "planId");
            }
            interval = BillingInterval.MONTH; // from the end of the annual period, the plan bills monthly
        }
        int seats = target.extraSeatPrice() == null ? 0 : Math.min(current.extraSeats(), target.maxExtraSeats());
        long credits = target.extraCreditsPricePerMillion() == null ? 0 : current.extraCredits();
        return new Valid(new StripePlanTerms(target.planId(), interval, seats, credits / Plan.CREDITS_PER_UNIT),
                target, downgrade);
    }

    SubscriptionChangePayload cancelScheduledPlanChange(Principal principal,
                                                        SubscriptionChangeInputs.CancelScheduledPlanChangeInput input) {
        return apply(principal, input, input.workspaceId(), "cancelScheduledPlanChange", input.idempotencyKey(), request -> {
            var target = request.target();
            var scheduled = request.current().scheduledChange();
            if (target.stripeScheduleId() == null) {
                return refused(Code.NO_SCHEDULED_CHANGE, "no plan change is scheduled");
            }
            return new Send(key -> stripe.releaseSchedule(target.stripeSubscriptionId(), target.stripeScheduleId(), key),
                    AuditAction.WITHDRAW_SCHEDULED_PLAN_CHANGE, List.of(new AuditEntry.Change("scheduledPlan",
                    scheduled == null ? null : scheduled.plan().code(), null)), null, null);
        });
    }

    // ---- cancel and reactivate ------------------------------------------------------------------------------------

    SubscriptionChangePayload cancelSubscription(Principal principal,
                                                 SubscriptionChangeInputs.CancelSubscriptionInput input) {
        if (input.reason() == null) {
            throw new BadRequestException("reason is required");
        }
        String comment = Inputs.text(input.comment() == null || input.comment().isBlank() ? null
                : input.comment().strip(), "comment", 2000);
        return apply(principal, input, input.workspaceId(), "cancelSubscription", input.idempotencyKey(), request -> {
            Subscription current = request.current();
            var ended = ended(current);
            if (ended.isPresent()) {
                return new Refused(List.of(ended.get()));
            }
            if (current.cancelAtPeriodEnd()) {
                return refused(Code.ALREADY_CANCELED, "the subscription is already cancelled: it ends on "
                        + current.endsAt());
            }
            return new Send(key -> stripe.cancelAtPeriodEnd(request.target().stripeSubscriptionId(), input.reason(),
                    comment, key), AuditAction.CANCEL_SUBSCRIPTION,
                    List.of(new AuditEntry.Change("autoRenew", "true", "false")), input.reason(), comment);
        });
    }

    SubscriptionChangePayload reactivateSubscription(Principal principal,
                                                     SubscriptionChangeInputs.ReactivateSubscriptionInput input) {
        return apply(principal, input, input.workspaceId(), "reactivateSubscription", input.idempotencyKey(), request -> {
            Subscription current = request.current();
            var ended = ended(current);
            if (ended.isPresent()) {
                return new Refused(List.of(ended.get()));
            }
            if (!current.cancelAtPeriodEnd()) {
                return refused(Code.NOT_CANCELED, "the subscription is not cancelled: it renews");
            }
            if (!request.now().isBefore(current.currentPeriod().end())) {
                return refused(Code.SUBSCRIPTION_ENDED, "the subscription ended on " + current.currentPeriod().end()
                        + ": subscribe again instead");
            }
            return new Send(key -> stripe.reactivate(request.target().stripeSubscriptionId(), key),
                    AuditAction.REACTIVATE_SUBSCRIPTION, List.of(new AuditEntry.Change("autoRenew", "false", "true")),
                    null, null);
        });
    }

    // ---- the common path ------------------------------------------------------------------------------------------

    private ChangePreviewPayload preview(Principal principal, String workspaceId,
                                         Function<Request, TermsChecked> check) {
        Workspace workspace = access.manageable(principal, workspaceId);
        Instant now = clock.instant();
        var target = subscriptions.findChangeTarget(workspace.workspaceId(), now).orElse(null);
        if (target == null || target.stripeSubscriptionId() == null) {
            return new ChangePreviewPayload(null, noSubscription(target).userErrors());
        }
        Request request = new Request(workspace, target, now, null);
        Valid valid;
        switch (check.apply(request)) {
            case Refused refused -> {
                return new ChangePreviewPayload(null, refused.errors());
            }
            case Valid checked -> valid = checked;
        }
        Subscription after = request.current().with(valid.plan(), valid.terms().interval(), valid.terms().extraSeats(),
                valid.terms().extraCreditMillions() * Plan.CREDITS_PER_UNIT);
        String currency = after.price().currency().getCurrencyCode();
        Money savings = valid.terms().interval() == BillingInterval.YEAR
                && request.current().billingInterval() == BillingInterval.MONTH && request.current().annualBillingOffer() != null
                ? request.current().annualBillingOffer().savingsPerYear() : null;
        if (valid.atPeriodEnd()) {
            Money zero = Money.zero(after.price().currency());
            return new ChangePreviewPayload(new ChangePreview(zero, zero, List.of(), after.price(),
                    after.recurringTotal(), valid.terms().interval(), request.current().currentPeriod().end(), now,
                    savings), List.of());
        }
        try {
            StripePreview preview = stripe.previewChange(workspace.workspaceId(), target.stripeSubscriptionId(),
                    valid.terms(), now);
            List<ChangePreview.Line> lines = preview.lines().stream()
                    .map(line -> new ChangePreview.Line(line.description(), Money.of(line.amount(), currency))).toList();
            return new ChangePreviewPayload(new ChangePreview(Money.of(preview.amountDue(), currency),
                    Money.of(preview.total(), currency), lines, after.price(), after.recurringTotal(),
                    valid.terms().interval(), now, now, savings), List.of());
        } catch (StripeRefusal refusal) {
            return new ChangePreviewPayload(null, List.of(refusal.userError()));
        }
    }

    /** A change of plan terms (items): checked, then sent now (prorated) or scheduled for the period end. */
    private SubscriptionChangePayload change(Principal principal, Object input, String workspaceId, String action,
                                             String idempotencyKey, Instant prorationDate,
                                             Function<Request, TermsChecked> check, AuditAction auditAction,
                                             CancellationReason reason, String comment) {
        Inputs.instant(prorationDate, "prorationDate");
        return apply(principal, input, workspaceId, action, idempotencyKey, request -> {
            Valid valid;
            switch (check.apply(request)) {
                case Refused refused -> {
                    return refused;
                }
                case Valid checked -> valid = checked;
            }
            Subscription current = request.current();
            String subscriptionId = request.target().stripeSubscriptionId();
            List<AuditEntry.Change> changes = differences(current, valid);
            if (valid.atPeriodEnd()) {
                return new Send(key -> stripe.scheduleAtPeriodEnd(subscriptionId, valid.terms(), key),
                        AuditAction.SCHEDULE_PLAN_CHANGE, changes, reason, comment);
            }
            Instant now = request.now();
            Instant prorateAt = prorationDate == null ? now : prorationDate;
            if (prorateAt.isAfter(now) || prorateAt.isBefore(now.minus(PREVIEW_VALIDITY))
                    || prorateAt.isBefore(current.currentPeriod().start())) {
                return refused(Code.PREVIEW_EXPIRED, "the preview is more than an hour old or from another period: "
                        + "preview the change again", "input", "prorationDate");
            }
            return new Send(key -> stripe.changeItems(subscriptionId, valid.terms(), prorateAt, key), auditAction,
                    changes, reason, comment);
        });
    }

    /**
     * The path of every change: owners and admins only, a subscription billed through Stripe, a retry of a change
     * that went through answered as it is, the business checks, then Stripe.
     */
    private SubscriptionChangePayload apply(Principal principal, Object input, String workspaceId, String action,
                                            String idempotencyKey, Function<Request, Checked> check) {
        Workspace workspace = access.manageable(principal, workspaceId);
        String key = Inputs.idempotencyKey(workspace.workspaceId(), action, idempotencyKey);
        Instant now = clock.instant();
        var target = subscriptions.findChangeTarget(workspace.workspaceId(), now).orElse(null);
        if (target == null || target.stripeSubscriptionId() == null) {
            return noSubscription(target);
        }
        switch (audit.recorded(workspace.workspaceId(), key, input)) {
            case SAME_REQUEST -> {
                return new SubscriptionChangePayload(target.current(), List.of());
            }
            case OTHER_REQUEST -> {
                return payload(target.current(), UserError.of(Code.IDEMPOTENCY_KEY_REUSED, "this idempotencyKey was "
                        + "already used for a different change; use a new key for a new change"));
            }
            case NO -> {
            }
        }
        stripe.requireConfigured(); // else the mark would block the next change for the whole lease
        // marked first, checked after: a change that finished meanwhile is seen by the checks, never undone
        if (!subscriptions.startChange(workspace.workspaceId(), key, now, changeLease)) {
            return payload(target.current(), UserError.of(Code.CONFLICT, "another change to this subscription is "
                    + "being applied: reload the page and try again in a moment"));
        }
        Request request = new Request(workspace,
                subscriptions.findChangeTarget(workspace.workspaceId(), now).orElseThrow(), now, input);
        Checked checked;
        try {
            checked = check.apply(request);
        } catch (RuntimeException e) {
            subscriptions.finishChange(workspace.workspaceId(), key);
            throw e;
        }
        return switch (checked) {
            case Refused refused -> {
                subscriptions.finishChange(workspace.workspaceId(), key);
                yield new SubscriptionChangePayload(request.current(), refused.errors());
            }
            case Send send -> send(principal, request, key, send);
        };
    }

    /**
     * Sends one change to Stripe while the subscription is marked as being changed under this key, then writes
     * Stripe's answer, the audit entry and the end of the mark in one transaction. A refusal clears the mark and
     * changes nothing; no answer leaves the mark until the same key is retried or the lease ends.
     */
    private SubscriptionChangePayload send(Principal principal, Request request, String key, Send change) {
        var workspaceId = request.workspace().workspaceId();
        StripeSubscriptionState state;
        try {
            state = change.call().apply(key);
        } catch (StripeRefusal refusal) {
            if (request.target().stripeScheduleId() != null) {
                // the call may have released the schedule before Stripe refused: show what Stripe holds now
                resync(request);
            }
            subscriptions.finishChange(workspaceId, key);
            return new SubscriptionChangePayload(
                    subscriptions.findByWorkspaceId(workspaceId, clock.instant()).orElseThrow(),
                    List.of(refusal.userError()));
        } catch (com.subscriptionbff.common.UnavailableException unknownOutcome) {
            throw unknownOutcome;
        } catch (RuntimeException e) {
            subscriptions.finishChange(workspaceId, key);
            throw e;
        }
        transactions.executeWithoutResult(status -> {
            stripe.record(state, request.now());
            audit.record(workspaceId, principal.getName(), request.now(), change.action(), change.changes(),
                    change.reason(), change.comment(), key, request.input());
            subscriptions.finishChange(workspaceId, key);
        });
        return new SubscriptionChangePayload(
                subscriptions.findByWorkspaceId(workspaceId, clock.instant()).orElseThrow(), List.of());
    }

    private void resync(Request request) {
        try {
            StripeSubscriptionState now = stripe.current(request.target().stripeSubscriptionId());
            transactions.executeWithoutResult(status -> stripe.record(now, request.now()));
        } catch (RuntimeException e) {
            // the webhook or the reconciler will bring it; the refusal is what the user needs to see now
        }
    }

    private static List<AuditEntry.Change> differences(Subscription current, Valid valid) {
        List<AuditEntry.Change> changes = new ArrayList<>();
        if (!current.plan().planId().equals(valid.plan().planId())) {
            changes.add(new AuditEntry.Change("plan", current.plan().code(), valid.plan().code()));
        }
        if (current.billingInterval() != valid.terms().interval()) {
            changes.add(new AuditEntry.Change("billingInterval", current.billingInterval().name(),
                    valid.terms().interval().name()));
        }
        if (current.extraSeats() != valid.terms().extraSeats()) {
            changes.add(new AuditEntry.Change("extraSeats", Integer.toString(current.extraSeats()),
                    Integer.toString(valid.terms().extraSeats())));
        }
        long credits = valid.terms().extraCreditMillions() * Plan.CREDITS_PER_UNIT;
        if (current.extraCredits() != credits) {
            changes.add(new AuditEntry.Change("extraCredits", Long.toString(current.extraCredits()),
                    Long.toString(credits)));
        }
        if (valid.atPeriodEnd()) {
            changes.add(new AuditEntry.Change("effectiveAt", null, current.currentPeriod().end().toString()));
        }
        return changes;
    }

    private static java.util.Optional<UserError> ended(Subscription current) {
        if (current.status() == SubscriptionStatus.CANCELED) {
            return java.util.Optional.of(UserError.of(Code.SUBSCRIPTION_ENDED,
                    "the subscription has ended: subscribe again instead"));
        }
        return java.util.Optional.empty();
    }

    private static Refused refused(Code code, String message, String... field) {
        return new Refused(List.of(UserError.of(code, message, field)));
    }

    private static SubscriptionChangePayload payload(Subscription subscription, UserError error) {
        return new SubscriptionChangePayload(subscription, List.of(error));
    }

    private static SubscriptionChangePayload noSubscription(ChangeTarget target) {
        return new SubscriptionChangePayload(target == null ? null : target.current(),
                List.of(UserError.of(Code.NO_SUBSCRIPTION, "this workspace has no subscription billed through Stripe")));
    }
}
