package com.subscriptionbff.stripe;

import com.stripe.param.SubscriptionUpdateParams.CancellationDetails.Feedback;
import com.subscriptionbff.db.enums.CancellationReason;

import java.util.EnumMap;
import java.util.Map;

/** The reasons the Settings tab offers, as Stripe's cancellation feedback values, both ways. */
final class StripeCancellationReasons {

    private static final Map<CancellationReason, Feedback> FEEDBACK = new EnumMap<>(Map.of(
            CancellationReason.TOO_EXPENSIVE, Feedback.TOO_EXPENSIVE,
            CancellationReason.MISSING_FEATURES, Feedback.MISSING_FEATURES,
            CancellationReason.HARD_TO_USE, Feedback.TOO_COMPLEX,
            CancellationReason.TECHNICAL_PROBLEMS, Feedback.LOW_QUALITY,
            CancellationReason.UNSATISFYING_CUSTOMER_SERVICE, Feedback.CUSTOMER_SERVICE,
            CancellationReason.NOT_ENOUGH_VALUE, Feedback.UNUSED,
            CancellationReason.CHANGING_NEEDS, Feedback.SWITCHED_SERVICE,
            CancellationReason.OTHER, Feedback.OTHER));

    private StripeCancellationReasons() {
    }

    static Feedback feedbackOf(CancellationReason reason) {
        return FEEDBACK.get(reason);
    }

    /** A feedback value Stripe sends (a webhook's cancellation_details.feedback); OTHER for one we do not know. */
    static CancellationReason reasonOf(String feedback) {
        return FEEDBACK.entrySet().stream().filter(entry -> entry.getValue().getValue().equals(feedback))
                .map(Map.Entry::getKey).findFirst().orElse(CancellationReason.OTHER);
    }
}
