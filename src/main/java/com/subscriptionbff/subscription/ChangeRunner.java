package com.subscriptionbff.subscription;

import com.subscriptionbff.audit.AuditEntry;
import com.subscriptionbff.audit.AuditLog;
import com.subscriptionbff.common.Inputs;
import com.subscriptionbff.common.UnavailableException;
import com.subscriptionbff.common.UserError;
import com.subscriptionbff.common.UserError.Code;
import com.subscriptionbff.db.enums.AuditAction;
import com.subscriptionbff.db.enums.CancellationReason;
import com.subscriptionbff.stripe.StripeGateway;
import com.subscriptionbff.stripe.StripeRefusal;
import com.subscriptionbff.stripe.StripeSettings;
import com.subscriptionbff.stripe.StripeSubscriptionState;
import com.subscriptionbff.stripe.StripeSubscriptionSync;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.SubscriptionChangePayload;
import com.subscriptionbff.subscription.SubscriptionRepository.ChangeTarget;
import com.subscriptionbff.workspace.Workspace;
import com.subscriptionbff.workspace.WorkspaceAccess;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The path of every change, whatever it is: owners and admins only, a subscription billed through Stripe, a retry of a
 * change that went through answered as it is; then the subscription is marked as being changed under the key, the
 * change is checked, sent to Stripe, and Stripe's answer, the audit entry and the end of the mark are written in one
 * transaction. While one change is on its way to Stripe, another one on the same subscription is a conflict.
 */
@Component
class ChangeRunner {

    /** The most Stripe calls one change makes (read, release, create schedule, set phases). */
    static final int MAX_CALLS_PER_CHANGE = 4;

    /** One change a user asked for: the action names its idempotency scope; the input is fingerprinted as sent. */
    record ChangeRequest(Principal principal, String workspaceId, String action, String idempotencyKey,
                         Object input) {
    }

    /** What a change is checked against: the workspace, its subscription with Stripe's ids, and now. */
    record ChangeContext(Workspace workspace, ChangeTarget target, Instant now) {

        Subscription current() {
            return target.current();
        }
    }

    /** What the checks of a change decide: refused, or the Stripe call to make. */
    sealed interface Step permits Refusal, StripeChange {
    }

    record Refusal(List<UserError> errors) implements Step {

        Refusal(UserError error) {
            this(List.of(error));
        }
    }

    /** The call to Stripe (given the idempotency key) and what the audit log records of it. */
    record StripeChange(Function<String, StripeSubscriptionState> call, AuditNote audit) implements Step {
    }

    record AuditNote(AuditAction action, List<AuditEntry.Change> changes, CancellationReason reason,
                     String comment) {
    }

    private final WorkspaceAccess access;
    private final SubscriptionRepository subscriptions;
    private final StripeGateway stripe;
    private final StripeSubscriptionSync sync;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** How long a change that never heard back from Stripe blocks other changes: longer than its calls can take. */
    private final Duration changeLease;

    ChangeRunner(WorkspaceAccess access, SubscriptionRepository subscriptions, StripeGateway stripe,
                 StripeSubscriptionSync sync, AuditLog audit, TransactionTemplate transactions, Clock clock,
                 StripeSettings settings) {
        this.access = access;
        this.subscriptions = subscriptions;
        this.stripe = stripe;
        this.sync = sync;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.changeLease = settings.connectTimeout().plus(settings.readTimeout())
                .multipliedBy((settings.maxNetworkRetries() + 1L) * MAX_CALLS_PER_CHANGE).plusSeconds(30);
    }

    SubscriptionChangePayload run(ChangeRequest request, Function<ChangeContext, Step> check) {
        Workspace workspace = access.manageable(request.principal(), request.workspaceId());
        var workspaceId = workspace.workspaceId();
        String key = Inputs.idempotencyKey(workspaceId, request.action(), request.idempotencyKey());
        Instant now = clock.instant();
        var target = subscriptions.findChangeTarget(workspaceId, now).orElse(null);
        if (target == null || target.stripeSubscriptionId() == null) {
            return noSubscription(target);
        }
        switch (audit.recorded(workspaceId, key, request.input())) {
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
        if (!stripe.configured()) {
            // the rules still answer first (userErrors); a change they allow cannot be sent, and nothing is marked
            if (check.apply(new ChangeContext(workspace, target, now)) instanceof Refusal refusal) {
                return new SubscriptionChangePayload(target.current(), refusal.errors());
            }
            throw StripeGateway.notConfigured(request.action());
        }
        // marked first, checked after: a change that finished meanwhile is seen by the checks, never undone
        if (!subscriptions.startChange(workspaceId, key, now, changeLease)) {
            return payload(target.current(), UserError.of(Code.CONFLICT, "another change to this subscription is "
                    + "being applied: reload the page and try again in a moment"));
        }
        var context = new ChangeContext(workspace, subscriptions.findChangeTarget(workspaceId, now).orElseThrow(), now);
        Step step;
        try {
            step = check.apply(context);
        } catch (RuntimeException e) {
            subscriptions.finishChange(workspaceId, key);
            throw e;
        }
        return switch (step) {
            case Refusal refusal -> {
                subscriptions.finishChange(workspaceId, key);
                yield new SubscriptionChangePayload(context.current(), refusal.errors());
            }
            case StripeChange change -> send(request, context, key, change);
        };
    }

    /**
     * Sends one change to Stripe while the subscription is marked under this key. A refusal clears the mark and
     * changes nothing; no answer leaves the mark until the same key is retried or the lease ends.
     */
    private SubscriptionChangePayload send(ChangeRequest request, ChangeContext context, String key,
                                           StripeChange change) {
        var workspaceId = context.workspace().workspaceId();
        StripeSubscriptionState state;
        try {
            state = change.call().apply(key);
        } catch (StripeRefusal refusal) {
            if (context.target().stripeScheduleId() != null) {
                // the call may have released the schedule before Stripe refused: show what Stripe holds now
                resync(context);
            }
            subscriptions.finishChange(workspaceId, key);
            return payload(subscriptions.findByWorkspaceId(workspaceId, clock.instant()).orElseThrow(),
                    refusal.userError());
        } catch (UnavailableException unknownOutcome) {
            throw unknownOutcome;
        } catch (RuntimeException e) {
            subscriptions.finishChange(workspaceId, key);
            throw e;
        }
        AuditNote note = change.audit();
        transactions.executeWithoutResult(status -> {
            sync.record(state, context.now());
            audit.record(workspaceId, request.principal().getName(), context.now(), note.action(), note.changes(),
                    note.reason(), note.comment(), key, request.input());
            subscriptions.finishChange(workspaceId, key);
        });
        return new SubscriptionChangePayload(
                subscriptions.findByWorkspaceId(workspaceId, clock.instant()).orElseThrow(), List.of());
    }

    private void resync(ChangeContext context) {
        try {
            StripeSubscriptionState now = stripe.subscription(context.target().stripeSubscriptionId());
            transactions.executeWithoutResult(status -> sync.record(now, context.now()));
        } catch (RuntimeException e) {
            // the webhook or the reconciler will bring it; the refusal is what the user needs to see now
        }
    }

    private static SubscriptionChangePayload payload(Subscription subscription, UserError error) {
        return new SubscriptionChangePayload(subscription, List.of(error));
    }

    static SubscriptionChangePayload noSubscription(ChangeTarget target) {
        return payload(target == null ? null : target.current(),
                UserError.of(Code.NO_SUBSCRIPTION, "this workspace has no subscription billed through Stripe (on the "
                        + "Free plan, or its subscription ended): subscribe to a plan instead"));
    }
}
