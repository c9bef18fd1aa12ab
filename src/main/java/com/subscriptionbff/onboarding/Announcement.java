package com.subscriptionbff.onboarding;

import java.util.UUID;

/**
 * A new workspace as the product's services announce it, checked: its id (theirs, kept as ours), name, IANA time
 * zone and owner. Its JSON, field by field in this order, is the fingerprint that tells a replay from a conflict.
 */
record Announcement(UUID workspaceId, String name, String timeZone, Owner owner) {

    /** The owner's user, created unless a user of that id exists (an existing user keeps their email and name). */
    record Owner(String userId, String email, String displayName) {
    }
}
