package com.subscriptionbff.subscription;

import com.subscriptionbff.audit.AuditEntry.Change;
import com.subscriptionbff.db.enums.BillingInterval;
import org.junit.jupiter.api.Test;

import static com.subscriptionbff.subscription.ChangeRulesTest.MONTHLY_ONLY_BASIC;
import static com.subscriptionbff.subscription.ChangeRulesTest.PERIOD;
import static com.subscriptionbff.subscription.ChangeRulesTest.STARTER;
import static com.subscriptionbff.subscription.ChangeRulesTest.starter;
import static org.assertj.core.api.Assertions.assertThat;

/** What the audit log shows of a change of terms: the fields that differ, in a fixed order. */
class AuditDiffTest {

    @Test
    void onlyTheFieldsThatChangeAreListed() {
        assertThat(AuditDiff.of(starter(2, 5_000_000), new PlanTerms(STARTER, BillingInterval.MONTH, 5, 5_000_000),
                false)).containsExactly(new Change("extraSeats", "2", "5"));
    }

    @Test
    void everyFieldInOrderAndTheDateOfAChangeAtThePeriodEnd() {
        assertThat(AuditDiff.of(starter(2, 5_000_000), new PlanTerms(MONTHLY_ONLY_BASIC, BillingInterval.YEAR, 0, 0),
                true)).containsExactly(
                new Change("plan", "team-starter", "basic"),
                new Change("billingInterval", "MONTH", "YEAR"),
                new Change("extraSeats", "2", "0"),
                new Change("extraCredits", "5000000", "0"),
                new Change("effectiveAt", null, PERIOD.end().toString()));
    }

    @Test
    void theSameTermsNowChangeNothing() {
        assertThat(AuditDiff.of(starter(0, 0), new PlanTerms(STARTER, BillingInterval.MONTH, 0, 0), false)).isEmpty();
    }
}
