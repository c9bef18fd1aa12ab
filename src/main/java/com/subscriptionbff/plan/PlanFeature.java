package com.subscriptionbff.plan;

/** One row of the comparison table for one plan: a feature and what the plan gives of it. */
public record PlanFeature(String key, boolean included, Long limit, boolean unlimited) {
}
