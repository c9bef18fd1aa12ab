package com.subscriptionbff.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderCharactersTest {

    private static final List<String> EDGES = List.of("", "Bearer eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl",
            "text/html; q=0.9", "a\tb", "a\nb", "a\rb", "\u0000", "\u001f", "\u007f", "\u0085", "\u009f", "\u00a0",
            "caf\u00e9", "\u0378", "\uffff", "\ud83d\ude00", "\ud83d", "x\ude00", "\udb80\udc00", "\u200b", "\t");

    @Test
    void judgesHeaderNamesAndValuesAsTheStrictFirewallDoes() {
        for (String text : samples()) {
            assertThat(HeaderCharacters.allowedName(text)).as("name %s", escaped(text))
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text));
            assertThat(HeaderCharacters.allowedValue(text)).as("value %s", escaped(text))
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
        }
    }

    @Test
    void rejectsControlCharactersButTabInValuesAndUnassignedCodePoints() {
        assertThat(HeaderCharacters.allowedValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.allowedName("a\tb")).isFalse();
        assertThat(HeaderCharacters.allowedValue("a\r\nX-Injected: 1")).isFalse();
        assertThat(HeaderCharacters.allowedValue("\u0378")).isFalse();
        assertThat(HeaderCharacters.allowedValue("caf\u00e9 \ud83d\ude00")).isTrue();
    }

    /** The edge cases, then random strings over ASCII, Latin-1, unassigned ranges and surrogates. */
    private static List<String> samples() {
        List<String> samples = new ArrayList<>(EDGES);
        Random random = new Random(42);
        int[][] ranges = {{0, 0x100}, {0x370, 0x380}, {0xd800, 0xe000}, {0xfff0, 0x10000}, {0x2000, 0x2070}};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(6); length > 0; length--) {
                int[] range = random.nextInt(3) == 0 ? ranges[random.nextInt(ranges.length)] : new int[] {0x20, 0x7f};
                text.append((char) (range[0] + random.nextInt(range[1] - range[0])));
            }
            samples.add(text.toString());
        }
        return samples;
    }

    private static String escaped(String text) {
        return text.chars().mapToObj(c -> String.format("\\u%04x", c)).reduce("", String::concat);
    }
}
