package com.subscriptionbff.payment;

import com.subscriptionbff.common.PlainFields;
import com.subscriptionbff.workspace.Workspace;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.YearMonth;

/** Workspace.paymentMethod, batched across workspaces, and whether the card has expired (see PlainFields). */
@Controller
class PaymentMethodController implements RuntimeWiringConfigurer {

    private final PaymentMethodRepository paymentMethods;
    private final Clock clock;
    private final BatchLoaderRegistry loaders;

    PaymentMethodController(PaymentMethodRepository paymentMethods, Clock clock, BatchLoaderRegistry loaders) {
        this.paymentMethods = paymentMethods;
        this.clock = clock;
        this.loaders = loaders;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        PlainFields.<Workspace, PaymentMethod>batched(wiring, loaders, "Workspace", "paymentMethod",
                PaymentMethod.class, workspaces -> Workspace.batch(workspaces, paymentMethods::findByWorkspaceIds));
        PlainFields.field(wiring, "PaymentMethod", "expired", ResolvableType.forClass(boolean.class),
                environment -> environment.<PaymentMethod>getSource().expiredAsOf(YearMonth.now(clock)));
    }
}
