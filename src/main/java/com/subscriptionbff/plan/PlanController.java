package com.subscriptionbff.plan;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;

@Controller
class PlanController {

    private final PlanRepository plans;
    private final SalesContact sales;

    PlanController(PlanRepository plans, SalesContact sales) {
        this.plans = plans;
        this.sales = sales;
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
