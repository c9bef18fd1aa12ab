package com.subscriptionbff.onboarding;

import com.subscriptionbff.common.UnavailableException;
import com.subscriptionbff.stripe.StripeRefusal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.DatabindException;

import java.security.Principal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * POST /internal/workspaces: the product's services announce a new workspace with a service credential (scope
 * workspaces:announce, see SecurityConfiguration); it starts on a free trial without a card. 201 when this call
 * completed it, 200 for a replay of a completed announcement (nothing sent to Stripe), 409 for the same workspaceId
 * with other content, 400 naming the field at fault, 503 when Stripe failed (retryable: the same announcement again
 * resumes where it stopped) or cannot be used on this deployment (not retryable), 502 when Stripe refused.
 */
@RestController
class WorkspaceAnnouncementController {

    static final String PATH = "/internal/workspaces";
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final WorkspaceAnnouncements announcements;

    WorkspaceAnnouncementController(WorkspaceAnnouncements announcements) {
        this.announcements = announcements;
    }

    record WorkspaceAnnouncement(String workspaceId, String name, String timeZone, OwnerAnnouncement owner) {
    }

    record OwnerAnnouncement(String userId, String email, String displayName) {
    }

    @PostMapping(PATH)
    ResponseEntity<Announced> announce(@RequestBody WorkspaceAnnouncement body, Principal service) {
        var outcome = announcements.announce(checked(body), service.getName());
        return ResponseEntity.status(outcome.completedNow() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(outcome.announced());
    }

    static Announcement checked(WorkspaceAnnouncement body) {
        String id = required("workspaceId", body.workspaceId());
        if (!UUID_TEXT.matcher(id).matches()) {
            throw AnnouncementRefusal.invalid("workspaceId", "workspaceId must be a UUID "
                    + "(such as 3f1c2b9e-8d4a-4e1b-9c2f-5a6b7c8d9e0f)");
        }
        String zone = required("timeZone", body.timeZone());
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw AnnouncementRefusal.invalid("timeZone", "timeZone must be an IANA time zone such as Europe/Paris");
        }
        OwnerAnnouncement owner = body.owner();
        if (owner == null) {
            throw AnnouncementRefusal.invalid("owner", "owner is required: {userId, email, displayName}");
        }
        String email = text("owner.email", owner.email(), 254);
        if (!EMAIL.matcher(email).matches()) {
            throw AnnouncementRefusal.invalid("owner.email", "owner.email must be an email address");
        }
        return new Announcement(UUID.fromString(id), text("name", body.name(), 200), zone,
                new Announcement.Owner(text("owner.userId", owner.userId(), 255), email,
                        text("owner.displayName", owner.displayName(), 200)));
    }

    /** Present, not blank, at most `max` characters, no control characters; surrounding spaces are dropped. */
    private static String text(String field, String value, int max) {
        String text = required(field, value).strip();
        if (text.isEmpty() || text.length() > max) {
            throw AnnouncementRefusal.invalid(field, field + " must have 1 to " + max + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw AnnouncementRefusal.invalid(field, field + " must not contain control characters");
        }
        return text;
    }

    private static String required(String field, String value) {
        if (value == null) {
            throw AnnouncementRefusal.invalid(field, field + " is required");
        }
        return value;
    }

    @ExceptionHandler(AnnouncementRefusal.class)
    ResponseEntity<Map<String, Object>> refused(AnnouncementRefusal e) {
        return ResponseEntity.status(e.status).body(error(e.getMessage(), e.field, false));
    }

    /** Not JSON, or a value of the wrong JSON type (every field is a string, owner an object). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof DatabindException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream().map(reference -> reference.getPropertyName())
                    .filter(Objects::nonNull).collect(Collectors.joining("."));
            return ResponseEntity.badRequest().body(error(field + " has the wrong type: every field is a string, "
                    + "owner an object", field, false));
        }
        return ResponseEntity.badRequest().body(error("the body must be a JSON object with workspaceId, name, "
                + "timeZone and owner {userId, email, displayName}", null, false));
    }

    /** Stripe did not answer or failed: the same announcement again resumes where this one stopped. */
    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<Map<String, Object>> unavailable(UnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(error(e.getMessage().replace("idempotencyKey", "announcement"), null, true));
    }

    /** Stripe refused (the trial plan's price unknown to the account, say): a deployment's problem, not the caller's. */
    @ExceptionHandler(StripeRefusal.class)
    ResponseEntity<Map<String, Object>> refusedByStripe(StripeRefusal e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(error("Stripe refused to start the trial: "
                + e.getMessage(), null, false));
    }

    private static Map<String, Object> error(String message, String field, boolean retryable) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", message);
        if (field != null) {
            error.put("field", field);
        }
        error.put("retryable", retryable);
        return error;
    }
}
