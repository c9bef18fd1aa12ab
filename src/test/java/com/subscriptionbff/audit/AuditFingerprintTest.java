package com.subscriptionbff.audit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A retried mutation is recognised by the fingerprint of its input's JSON, whatever the record's text says. */
class AuditFingerprintTest {

    private final AuditLog log = new AuditLog(null, JsonMapper.builder().build());

    record Input(String workspaceId, Integer extraSeats, Instant prorationDate, String idempotencyKey) {
    }

    /** A record whose text hides a field: its fingerprint must not. */
    record Terse(String workspaceId, int extraSeats) {
        @Override
        public String toString() {
            return "Terse[" + workspaceId + "]";
        }
    }

    @Test
    void theSameInputHasTheSameFingerprintAHexSha256() {
        var input = new Input("V29ya3NwYWNl", 5, Instant.parse("2026-11-15T09:30:00Z"), "key-0001");
        var again = new Input("V29ya3NwYWNl", 5, Instant.parse("2026-11-15T09:30:00.000Z"), "key-0001");
        assertThat(log.fingerprint(input)).isEqualTo(log.fingerprint(again)).matches("[0-9a-f]{64}");
    }

    @Test
    void anyFieldThatDiffersChangesIt() {
        var input = new Input("V29ya3NwYWNl", 5, Instant.parse("2026-11-15T09:30:00Z"), "key-0001");
        assertThat(log.fingerprint(input))
                .isNotEqualTo(log.fingerprint(new Input("V29ya3NwYWNl", 6, input.prorationDate(), "key-0001")))
                .isNotEqualTo(log.fingerprint(new Input("V29ya3NwYWNl", 5, null, "key-0001")))
                .isNotEqualTo(log.fingerprint(new Input("V29ya3NwYWNl", 5, input.prorationDate().plusSeconds(1),
                        "key-0001")));
    }

    @Test
    void itReadsTheFieldsNotTheRecordsText() {
        assertThat(new Terse("w", 1)).hasToString(new Terse("w", 2).toString());
        assertThat(log.fingerprint(new Terse("w", 1))).isNotEqualTo(log.fingerprint(new Terse("w", 2)));
    }
}
