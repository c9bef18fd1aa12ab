package com.subscriptionbff.demo.stripe;

import com.subscriptionbff.common.BadRequestException;
import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.demo.DemoClock;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;

/**
 * POST /demo/stripe/advance-clock?workspace={id}: time jumps to the end of that workspace's current period (or
 * trial), as a Stripe test clock advances: every period end until then happens, in order, for every subscription,
 * and the service's clock moves with it. It answers once the events have reached the webhook endpoint, so the next
 * query shows the result. Demo mode with its local Stripe only.
 */
@RestController
@Conditional(DemoStripeConfiguration.Enabled.class)
class StripeClockController {

    /** Where the clock stands now, and what each period end did. */
    record ClockAdvanced(Instant now, List<StripeEmulator.PeriodEnd> periodEnds, boolean eventsDelivered) {
    }

    private final StripeEmulator stripe;
    private final DemoClock clock;
    private final DSLContext db;

    StripeClockController(StripeEmulator stripe, DemoClock clock, DSLContext db) {
        this.stripe = stripe;
        this.clock = clock;
        this.db = db;
    }

    @PostMapping("/demo/stripe/advance-clock")
    ResponseEntity<?> advance(@RequestParam String workspace) throws InterruptedException {
        UUID workspaceId;
        try {
            workspaceId = workspace.length() == 36 ? UUID.fromString(workspace) : GlobalId.uuid("Workspace", workspace);
        } catch (IllegalArgumentException | BadRequestException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "workspace: a Workspace id or its UUID"));
        }
        String subscription = db.select(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID).from(SUBSCRIPTIONS)
                .where(SUBSCRIPTIONS.WORKSPACE_ID.eq(workspaceId)).fetchOne(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID);
        if (subscription == null) {
            return ResponseEntity.status(404).body(Map.of("error", "this workspace has no Stripe subscription"));
        }
        Instant target = stripe.periodEnd(subscription);
        if (target.isAfter(clock.instant())) {
            clock.set(target);
        }
        List<StripeEmulator.PeriodEnd> ends = stripe.advanceTo(clock.instant());
        boolean delivered = stripe.awaitEventsDelivered(Duration.ofSeconds(60));
        return ResponseEntity.ok(new ClockAdvanced(clock.instant(), ends, delivered));
    }
}
