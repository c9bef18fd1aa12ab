package com.subscriptionbff.common;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorAndGlobalIdTest {

    @Test
    void cursorsRoundTripKeysWithSeparatorsAndNonAscii() {
        String cursor = Cursor.encode("scope-a", "Café | Crème", "42");
        assertThat(Cursor.decode(cursor, "scope-a", 2)).containsExactly("Café | Crème", "42");
    }

    @Test
    void cursorsOfAnotherListOrShapeAreRefused() {
        String cursor = Cursor.encode("scope-a", "x", "y");
        assertThatThrownBy(() -> Cursor.decode(cursor, "scope-b", 2)).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("does not belong");
        assertThatThrownBy(() -> Cursor.decode(cursor, "scope-a", 3)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> Cursor.decode("%%%", "scope-a", 2)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> Cursor.decode("a".repeat(600), "scope-a", 2)).isInstanceOf(BadRequestException.class);
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
        assertThatThrownBy(() -> TimePosition.after(Cursor.encode("s", "2026-01-01T00:00:00Z", "1-2-3-4-5"), "s"))
                .isInstanceOf(BadRequestException.class);
    }
}
