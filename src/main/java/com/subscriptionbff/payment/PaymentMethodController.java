package com.subscriptionbff.payment;

import com.subscriptionbff.workspace.Workspace;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

@Controller
class PaymentMethodController {

    private final PaymentMethodRepository paymentMethods;
    private final Clock clock;

    PaymentMethodController(PaymentMethodRepository paymentMethods, Clock clock) {
        this.paymentMethods = paymentMethods;
        this.clock = clock;
    }

    /** The card of every workspace of the request, in one statement. */
    @BatchMapping(typeName = "Workspace")
    Map<Workspace, PaymentMethod> paymentMethod(List<Workspace> workspaces) {
        return Workspace.batch(workspaces, paymentMethods::findByWorkspaceIds);
    }

    @SchemaMapping(typeName = "PaymentMethod")
    boolean expired(PaymentMethod card) {
        return card.expiredAsOf(YearMonth.now(clock));
    }
}
