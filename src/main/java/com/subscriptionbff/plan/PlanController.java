package com.subscriptionbff.plan;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.util.List;

@Controller
class PlanController {

    private final PlanRepository plans;

    PlanController(PlanRepository plans) {
        this.plans = plans;
    }

    @QueryMapping
    List<Plan> plans() {
        return plans.findCatalog();
    }
}
