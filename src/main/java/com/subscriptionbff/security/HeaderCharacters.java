package com.subscriptionbff.security;

/** The characters {@code StrictHttpFirewall} accepts in header names and values by default. */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /**
     * The firewall's default rule, {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, one code point at a time: every
     * character is assigned in Unicode and none is a control character (C0, DEL or C1).
     */
    static boolean assignedAndNotControl(String value) {
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
