package com.subscriptionbff.onboarding;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The trial a new workspace starts on (bff.trial): the code of a catalog plan, billed at its monthly price once the
 * trial ends with a card, and the trial's length in days (1 to 730, Stripe's longest trial).
 */
@ConfigurationProperties("bff.trial")
record TrialSettings(String plan, Integer days) {

    TrialSettings {
        plan = plan == null || plan.isBlank() ? "team-starter" : plan;
        days = days == null ? 14 : days;
        if (days < 1 || days > 730) {
            throw new IllegalArgumentException("bff.trial.days must be between 1 and 730, got " + days);
        }
    }
}
