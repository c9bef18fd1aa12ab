package com.subscriptionbff.plan;

import com.subscriptionbff.common.Labels;
import com.subscriptionbff.common.Locales;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Controller
class PlanController {

    private final PlanRepository plans;
    private final SalesContact sales;
    private final Labels labels;

    PlanController(PlanRepository plans, SalesContact sales, Labels labels) {
        this.plans = plans;
        this.sales = sales;
        this.labels = labels;
    }

    /** The comparison table's rows of every plan asked for, in one statement. */
    @BatchMapping(typeName = "Plan")
    Map<Plan, List<PlanFeature>> features(List<Plan> catalog) {
        Map<UUID, List<PlanFeature>> byPlan = plans.featuresOf(catalog.stream().map(Plan::planId).toList());
        Map<Plan, List<PlanFeature>> features = new LinkedHashMap<>();
        catalog.forEach(plan -> features.put(plan, byPlan.getOrDefault(plan.planId(), List.of())));
        return features;
    }

    @SchemaMapping(typeName = "PlanFeature")
    String name(PlanFeature feature, @Argument String locale) {
        return labels.of("plan.feature." + feature.key(), locale);
    }

    @SchemaMapping(typeName = "PlanFeature")
    String value(PlanFeature feature, @Argument String locale) {
        if (feature.unlimited()) {
            return labels.of("plan.feature.value.unlimited", locale);
        }
        if (feature.limit() != null) {
            return NumberFormat.getIntegerInstance(Locales.parse(locale)).format(feature.limit());
        }
        return labels.of(feature.included() ? "plan.feature.value.yes" : "plan.feature.value.no", locale);
    }

    @SchemaMapping(typeName = "Plan")
    boolean selfServe(Plan plan) {
        return sales.selfServe(plan);
    }

    @SchemaMapping(typeName = "Plan")
    String contactSalesUrl(Plan plan) {
        return sales.urlFor(plan);
    }

    @QueryMapping
    List<Plan> plans() {
        return plans.findCatalog();
    }
}
