package com.subscriptionbff.plan;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Set;

/** The plans the sales team sells (`bff.catalog.contact-sales-plans`), and where to reach them. */
@Component
public class SalesContact {

    private final Set<String> plans;
    private final String url;

    SalesContact(@Value("${bff.catalog.contact-sales-plans:enterprise}") Set<String> plans,
                 @Value("${bff.catalog.contact-sales-url:mailto:sales@example.com}") String url) {
        this.plans = Set.copyOf(plans);
        this.url = url;
    }

    public boolean selfServe(Plan plan) {
        return !plans.contains(plan.code());
    }

    /** Where to contact sales about the plan; null for a self-serve one. */
    public String urlFor(Plan plan) {
        return selfServe(plan) ? null : url;
    }
}
