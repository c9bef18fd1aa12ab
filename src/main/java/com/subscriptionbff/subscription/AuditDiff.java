package com.subscriptionbff.subscription;

import com.subscriptionbff.audit.AuditEntry.Change;

import java.util.ArrayList;
import java.util.List;

/** What the audit log records of a change of terms: each field that differs, before and after. */
final class AuditDiff {

    private AuditDiff() {
    }

    static List<Change> of(Subscription current, PlanTerms next, boolean atPeriodEnd) {
        List<Change> changes = new ArrayList<>();
        if (!current.plan().planId().equals(next.plan().planId())) {
            changes.add(new Change("plan", current.plan().code(), next.plan().code()));
        }
        if (current.billingInterval() != next.interval()) {
            changes.add(new Change("billingInterval", current.billingInterval().name(), next.interval().name()));
        }
        if (current.extraSeats() != next.extraSeats()) {
            changes.add(new Change("extraSeats", Integer.toString(current.extraSeats()),
                    Integer.toString(next.extraSeats())));
        }
        if (current.extraCredits() != next.extraCredits()) {
            changes.add(new Change("extraCredits", Long.toString(current.extraCredits()),
                    Long.toString(next.extraCredits())));
        }
        if (atPeriodEnd) {
            changes.add(new Change("effectiveAt", null, current.currentPeriod().end().toString()));
        }
        return changes;
    }
}
