package com.subscriptionbff.stripe;

import com.subscriptionbff.common.UserError;
import com.subscriptionbff.workspace.Workspace;
import com.subscriptionbff.workspace.WorkspaceAccess;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import java.security.Principal;
import java.util.List;

/** Internal tooling: staff re-read one workspace from Stripe when its page looks wrong. */
@Controller
class StripeReconcileController {

    private final WorkspaceAccess access;
    private final StripeReconciler reconciler;

    StripeReconcileController(WorkspaceAccess access, StripeReconciler reconciler) {
        this.access = access;
        this.reconciler = reconciler;
    }

    record ReconcileWithStripeInput(String workspaceId) {
    }

    record ReconcileWithStripePayload(Workspace workspace, List<UserError> userErrors) {
    }

    @MutationMapping
    ReconcileWithStripePayload reconcileWithStripe(@Argument ReconcileWithStripeInput input, Principal principal) {
        access.requireStaff(principal);
        Workspace workspace = access.readable(principal, input.workspaceId());
        try {
            reconciler.reconcile(workspace.workspaceId());
        } catch (StripeRefusal refusal) {
            return new ReconcileWithStripePayload(workspace, List.of(refusal.userError()));
        }
        return new ReconcileWithStripePayload(workspace, List.of());
    }
}
