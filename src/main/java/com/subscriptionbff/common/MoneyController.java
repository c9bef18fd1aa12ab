package com.subscriptionbff.common;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class MoneyController {

    @SchemaMapping(typeName = "Money")
    String formatted(Money money, @Argument String locale) {
        return money.formatted(Locales.parse(locale));
    }
}
