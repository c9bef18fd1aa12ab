package com.subscriptionbff.payment;

import com.subscriptionbff.audit.AuditLog;
import com.subscriptionbff.common.Inputs;
import com.subscriptionbff.common.ReturnUrls;
import com.subscriptionbff.common.UserError;
import com.subscriptionbff.db.enums.AuditAction;
import com.subscriptionbff.stripe.StripeCustomers;
import com.subscriptionbff.stripe.StripeHostedPages;
import com.subscriptionbff.stripe.StripeRefusal;
import com.subscriptionbff.workspace.Workspace;
import com.subscriptionbff.workspace.WorkspaceAccess;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import java.security.Principal;
import java.time.Clock;
import java.util.List;

/** "Update payment": a Stripe-hosted page where the card is replaced; the webhook brings the new card back. */
@Controller
class PaymentMethodUpdateController {

    private final WorkspaceAccess access;
    private final ReturnUrls returnUrls;
    private final StripeHostedPages stripePages;
    private final StripeCustomers customers;
    private final AuditLog audit;
    private final Clock clock;

    PaymentMethodUpdateController(WorkspaceAccess access, ReturnUrls returnUrls, StripeHostedPages stripePages,
                                  StripeCustomers customers, AuditLog audit, Clock clock) {
        this.access = access;
        this.returnUrls = returnUrls;
        this.stripePages = stripePages;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    record UpdatePaymentMethodInput(String workspaceId, String returnUrl, String idempotencyKey) {
    }

    record UpdatePaymentMethodPayload(String redirectUrl, List<UserError> userErrors) {
    }

    @MutationMapping
    UpdatePaymentMethodPayload updatePaymentMethod(@Argument UpdatePaymentMethodInput input, Principal principal) {
        Workspace workspace = access.manageable(principal, input.workspaceId());
        String key = Inputs.idempotencyKey(workspace.workspaceId(), "updatePaymentMethod", input.idempotencyKey());
        var refused = returnUrls.refusal(input.returnUrl());
        if (refused.isPresent()) {
            return new UpdatePaymentMethodPayload(null, List.of(refused.get()));
        }
        try {
            String url = stripePages.paymentMethodUpdateUrl(customers.customerOf(workspace.workspaceId()),
                    input.returnUrl(), key);
            audit.record(workspace.workspaceId(), principal.getName(), clock.instant(),
                    AuditAction.START_PAYMENT_METHOD_UPDATE, List.of(), null, null, key, input);
            return new UpdatePaymentMethodPayload(url, List.of());
        } catch (StripeRefusal refusal) {
            return new UpdatePaymentMethodPayload(null, List.of(refusal.userError()));
        }
    }
}
