package com.subscriptionbff.common;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** The `locale` arguments of the schema: BCP 47 tags, en-US when absent. */
public final class Locales {

    private Locales() {
    }

    public static Locale parse(String tag) {
        if (tag == null) {
            return Locale.US;
        }
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
