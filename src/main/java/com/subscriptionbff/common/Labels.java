package com.subscriptionbff.common;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Labels the page shows for codes (statuses, sources), from i18n/labels*.properties. */
@Component
public class Labels {

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String key, String localeTag) {
        return messages.getMessage(key, null, key, Locales.parse(localeTag));
    }
}
