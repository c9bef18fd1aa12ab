package com.subscriptionbff.subscription;

import com.subscriptionbff.common.UserError;
import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.CancellationReason;

import java.time.Instant;
import java.util.List;

/** Inputs and payloads of the subscription's mutations and previews, named as in the schema. */
final class SubscriptionChangeInputs {

    private SubscriptionChangeInputs() {
    }

    record CustomizePlanInput(String workspaceId, Integer extraSeats, Long extraCredits, Instant prorationDate,
                              String idempotencyKey) {
    }

    record PreviewCustomizePlanInput(String workspaceId, Integer extraSeats, Long extraCredits) {
    }

    record SwitchToAnnualBillingInput(String workspaceId, Instant prorationDate, String idempotencyKey) {
    }

    record PreviewSwitchToAnnualBillingInput(String workspaceId) {
    }

    record ChangePlanInput(String workspaceId, String planId, BillingInterval billingInterval, Instant prorationDate,
                           String idempotencyKey) {
    }

    record PreviewChangePlanInput(String workspaceId, String planId, BillingInterval billingInterval) {
    }

    record CancelScheduledPlanChangeInput(String workspaceId, String idempotencyKey) {
    }

    record CancelSubscriptionInput(String workspaceId, CancellationReason reason, String comment,
                                   String idempotencyKey) {
    }

    record ReactivateSubscriptionInput(String workspaceId, String idempotencyKey) {
    }

    /** Every subscription mutation answers the subscription as it is now, and the refusals. */
    record SubscriptionChangePayload(Subscription subscription, List<UserError> userErrors) {
    }

    record ChangePreviewPayload(ChangePreview preview, List<UserError> userErrors) {
    }
}
