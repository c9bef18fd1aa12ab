package com.subscriptionbff.common;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.IllformedLocaleException;
import java.util.Locale;

@Controller
class MoneyController {

    @SchemaMapping(typeName = "Money")
    String formatted(Money money, @Argument String locale) {
        return money.formatted(locale == null ? Locale.US : parse(locale));
    }

    private static Locale parse(String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException();
            }
            return locale;
        } catch (IllformedLocaleException e) {
            throw new BadRequestException("locale must be a BCP 47 language tag such as fr-FR");
        }
    }
}
