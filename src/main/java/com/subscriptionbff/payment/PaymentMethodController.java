package com.subscriptionbff.payment;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.YearMonth;

@Controller
class PaymentMethodController {

    private final Clock clock;

    PaymentMethodController(Clock clock) {
        this.clock = clock;
    }

    /** Valid through the last day of its expiry month, in the service's clock. */
    @SchemaMapping(typeName = "PaymentMethod")
    boolean expired(PaymentMethod card) {
        return card.expiredAsOf(YearMonth.now(clock));
    }
}
