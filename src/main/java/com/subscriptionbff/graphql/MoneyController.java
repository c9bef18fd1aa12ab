package com.subscriptionbff.graphql;

import com.subscriptionbff.common.Locales;
import com.subscriptionbff.common.Money;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Money wherever the schema has it: "159,00 €" for fr-FR. */
@Controller
class MoneyController {

    @SchemaMapping(typeName = "Money")
    String formatted(Money money, @Argument String locale) {
        return money.formatted(Locales.parse(locale));
    }
}
