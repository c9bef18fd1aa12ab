package com.subscriptionbff.onboarding;

import java.time.Instant;

/**
 * The answer to an announcement: the workspace (the id announced, and its id in the GraphQL API and for
 * /internal/credit-usage), its subscription's status as the read model holds it now, and when the trial ends.
 */
record Announced(String workspaceId, String graphqlId, String subscriptionStatus, Instant trialEnd) {
}
