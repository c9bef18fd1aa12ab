package com.subscriptionbff.credits;

import com.subscriptionbff.common.BadRequestException;
import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.credits.CreditUsageIngestion.Recorded;
import com.subscriptionbff.credits.CreditUsageIngestion.UsageEvent;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.exc.MismatchedInputException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * POST /internal/credit-usage: the product's services report consumption with a service credential (a token with
 * scope credits:record, see SecurityConfiguration). 201 when recorded, 200 for a replay of a known key, 409 for a key
 * already recorded with other credits or another day, 400 for anything malformed (credits must be a JSON integer).
 */
@RestController
class CreditUsageIngestionController {

    static final String PATH = "/internal/credit-usage";
    private static final Duration OLDEST_ACCEPTED = Duration.ofDays(90);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final CreditUsageIngestion ingestion;
    private final Clock clock;

    CreditUsageIngestionController(CreditUsageIngestion ingestion, Clock clock) {
        this.ingestion = ingestion;
        this.clock = clock;
    }

    record CreditUsageReport(String workspaceId, String idempotencyKey, Instant occurredAt, Long credits) {
    }

    @PostMapping(PATH)
    ResponseEntity<Recorded> record(@RequestBody CreditUsageReport report, Principal service) {
        if (report.workspaceId() == null || report.idempotencyKey() == null || report.occurredAt() == null
                || report.credits() == null) {
            throw new BadRequestException("workspaceId, idempotencyKey, occurredAt and credits are required");
        }
        if (report.idempotencyKey().isBlank() || report.idempotencyKey().length() > 200) {
            throw new BadRequestException("idempotencyKey must have 1 to 200 characters");
        }
        if (report.idempotencyKey().chars().anyMatch(Character::isISOControl)) {
            throw new BadRequestException("idempotencyKey must not contain control characters");
        }
        if (report.credits() < 1 || report.credits() > 1_000_000_000_000L) {
            throw new BadRequestException("credits must be between 1 and 10^12");
        }
        Instant now = Instant.now(clock);
        if (report.occurredAt().isBefore(now.minus(OLDEST_ACCEPTED)) || report.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new BadRequestException("occurredAt must be within the last 90 days and not in the future");
        }
        var event = new UsageEvent(GlobalId.uuid("Workspace", report.workspaceId()), report.idempotencyKey(),
                report.occurredAt(), report.credits());
        return ingestion.record(event, service.getName())
                .map(recorded -> ResponseEntity.status(recorded.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                        .body(recorded))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Map<String, String>> badRequest(BadRequestException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    /** Not JSON, or a value of the wrong JSON type: credits must be a JSON integer, not 1.5 nor "100". */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        String message = e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                ? mismatch.getPath().getLast().getPropertyName() + " has the wrong type: credits is a JSON integer, "
                        + "occurredAt an ISO-8601 instant, the others strings"
                : "the body must be a JSON object with workspaceId, idempotencyKey, occurredAt and credits";
        return ResponseEntity.badRequest().body(Map.of("error", message));
    }

    @ExceptionHandler(CreditUsageIngestion.KeyConflict.class)
    ResponseEntity<Map<String, String>> conflict(CreditUsageIngestion.KeyConflict e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }
}
