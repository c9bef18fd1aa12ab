package com.subscriptionbff.common;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorAndGlobalIdTest {

    private final Cursors cursors = new Cursors(new SigningKey("a-test-secret-of-at-least-32-bytes!"));

    @Test
    void cursorsRoundTripKeysWithSeparatorsAndNonAscii() {
        String cursor = cursors.encode("scope-a", "Café | Crème", "42");
        assertThat(cursors.decode(cursor, "scope-a", 2)).containsExactly("Café | Crème", "42");
    }

    @Test
    void cursorsOfAnotherListOrShapeAreRefused() {
        String cursor = cursors.encode("scope-a", "x", "y");
        assertThatThrownBy(() -> cursors.decode(cursor, "scope-b", 2)).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("does not belong");
        assertThatThrownBy(() -> cursors.decode(cursor, "scope-a", 3)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> cursors.decode("%%%", "scope-a", 2)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> cursors.decode("a".repeat(600), "scope-a", 2)).isInstanceOf(BadRequestException.class);
    }

    @Test
    void aHandEditedCursorOrOneSignedWithAnotherKeyIsRefused() {
        String cursor = cursors.encode("seats", "2026-01-01T00:00:00Z", UUID.randomUUID().toString());
        String payload = cursor.substring(0, cursor.indexOf('.'));
        String text = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        String edited = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.replace("2026", "2025").getBytes(StandardCharsets.UTF_8))
                + cursor.substring(cursor.indexOf('.'));
        assertThatThrownBy(() -> cursors.decode(edited, "seats", 2)).isInstanceOf(BadRequestException.class)
                .hasMessage("malformed cursor");
        Cursors otherInstance = new Cursors(new SigningKey("another-secret-of-at-least-32-bytes"));
        assertThatThrownBy(() -> otherInstance.decode(cursor, "seats", 2)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> cursors.decode(payload, "seats", 2)).isInstanceOf(BadRequestException.class);
    }

    @Test
    void idsAndCursorsHaveOneSpellingOnly() {
        String global = GlobalId.of("Workspace", UUID.fromString("3f1c2b8e-9a7d-4e21-8c55-0a9b1c2d3e4f"));
        assertThat(global.length() % 4).isNotZero(); // so that base64 would pad it
        assertThatThrownBy(() -> GlobalId.uuid("Workspace", global + "=")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> GlobalId.uuid("Workspace", global + "==")).isInstanceOf(BadRequestException.class);
        String cursor = cursors.encode("s", "a", "b");
        assertThatThrownBy(() -> cursors.decode(cursor + "=", "s", 2)).isInstanceOf(BadRequestException.class);
        // the same bytes spelled with non-zero trailing bits in the last character (46 bytes: 4 unused bits)
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = global.charAt(global.length() - 1);
        String sibling = global.substring(0, global.length() - 1) + alphabet.charAt(alphabet.indexOf(last) + 1);
        assertThat(Base64.getUrlDecoder().decode(sibling)).isEqualTo(Base64.getUrlDecoder().decode(global));
        assertThatThrownBy(() -> GlobalId.uuid("Workspace", sibling)).isInstanceOf(BadRequestException.class);
    }

    @Test
    void globalIdsCarryTheirType() {
        UUID id = UUID.randomUUID();
        String global = GlobalId.of("Workspace", id);
        assertThat(GlobalId.typeOf(global)).isEqualTo("Workspace");
        assertThat(GlobalId.uuid("Workspace", global)).isEqualTo(id);
        assertThatThrownBy(() -> GlobalId.uuid("Plan", global)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> GlobalId.uuid("Workspace", GlobalId.of("Workspace", "not-a-uuid")))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> GlobalId.typeOf("!!")).isInstanceOf(BadRequestException.class);
        // UUID.fromString would read "1-2-3-4-5" as a UUID: ids and cursors accept the canonical form only
        assertThatThrownBy(() -> GlobalId.uuid("Workspace", GlobalId.of("Workspace", "1-2-3-4-5")))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> cursors.after(cursors.encode("s", "2026-01-01T00:00:00Z", "1-2-3-4-5"), "s"))
                .isInstanceOf(BadRequestException.class);
    }
}
