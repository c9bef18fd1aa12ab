package com.subscriptionbff.stripe;

import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.demo.DemoTokens;
import com.subscriptionbff.demo.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment without STRIPE_SECRET_KEY: the buttons still answer their business rules first; a change the rules
 * allow is refused as NOT_CONFIGURED, which no retry mends, and nothing changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bff.demo.enabled=true", "bff.stripe.secret-key=", "bff.demo.stripe-emulator=false", "bff.clock.fixed=2026-11-15T10:00:00Z",
        "management.server.port=0"})
@AutoConfigureHttpGraphQlTester
@Import(EmbeddedDatabase.class)
class StripeNotConfiguredIT {

    @Autowired
    HttpGraphQlTester graphQlTester;

    @Autowired
    DemoTokens tokens;

    private HttpGraphQlTester as(String user) {
        String token = tokens.issue(user);
        return graphQlTester.mutate().headers(headers -> headers.setBearerAuth(token)).build();
    }

    private static String id(UUID workspace) {
        return GlobalId.of("Workspace", workspace);
    }

    @Test
    void aChangeTheRulesAllowIsNotConfiguredNotRetryableAndChangesNothing() {
        var cancel = as(DemoData.OWNER).document("""
                mutation($id: ID!) { cancelSubscription(input: { workspaceId: $id, reason: TOO_EXPENSIVE,
                  idempotencyKey: "not-configured-1" }) { subscription { autoRenew } userErrors { code } } }""")
                .variable("id", id(DemoData.GLOBEX)).execute();
        cancel.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("NOT_CONFIGURED");
            assertThat(error.getExtensions()).containsEntry("retryable", false);
            assertThat(error.getMessage()).contains("STRIPE_SECRET_KEY");
        }));
        as(DemoData.OWNER).document("query($id: ID!) { workspace(id: $id) { subscription { autoRenew } } }")
                .variable("id", id(DemoData.GLOBEX)).execute()
                .path("workspace.subscription.autoRenew").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void theBusinessRulesStillAnswerFirst() {
        // Globex renews: reactivating it is a user error, whatever Stripe's configuration
        as(DemoData.OWNER).document("""
                mutation($id: ID!) { reactivateSubscription(input: { workspaceId: $id,
                  idempotencyKey: "not-configured-2" }) { userErrors { code } } }""")
                .variable("id", id(DemoData.GLOBEX)).execute()
                .path("reactivateSubscription.userErrors[0].code").entity(String.class).isEqualTo("NOT_CANCELED");
        // a member may not change anything: FORBIDDEN, not NOT_CONFIGURED
        var member = as(DemoData.MEMBER).document("""
                mutation($id: ID!) { cancelSubscription(input: { workspaceId: $id, reason: TOO_EXPENSIVE,
                  idempotencyKey: "not-configured-3" }) { userErrors { code } } }""")
                .variable("id", id(DemoData.ACME)).execute();
        member.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        // the preview of a change Globex cannot make (it is annual already) answers its user error
        as(DemoData.OWNER).document("""
                query($id: ID!) { previewSwitchToAnnualBilling(input: { workspaceId: $id }) { userErrors { code } } }""")
                .variable("id", id(DemoData.GLOBEX)).execute()
                .path("previewSwitchToAnnualBilling.userErrors[0].code").entity(String.class)
                .isEqualTo("NOT_ELIGIBLE");
        // and the preview of one it can make needs Stripe
        as(DemoData.OWNER).document("""
                query($id: ID!) { previewSwitchToAnnualBilling(input: { workspaceId: $id }) { userErrors { code } } }""")
                .variable("id", id(DemoData.ACME)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getErrorType().toString()).isEqualTo("NOT_CONFIGURED")));
    }
}
