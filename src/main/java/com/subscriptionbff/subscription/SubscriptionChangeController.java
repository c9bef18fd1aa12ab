package com.subscriptionbff.subscription;

import com.subscriptionbff.subscription.SubscriptionChangeInputs.CancelScheduledPlanChangeInput;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.CancelSubscriptionInput;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.ChangePlanInput;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.ChangePreviewPayload;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.CustomizePlanInput;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.PreviewChangePlanInput;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.PreviewCustomizePlanInput;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.PreviewSwitchToAnnualBillingInput;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.ReactivateSubscriptionInput;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.SubscriptionChangePayload;
import com.subscriptionbff.subscription.SubscriptionChangeInputs.SwitchToAnnualBillingInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.security.Principal;

/** The buttons of "Manage subscription" that change it, and the previews shown before confirming. */
@Controller
class SubscriptionChangeController {

    private final ChangePreviews previews;
    private final SubscriptionChanges changes;

    SubscriptionChangeController(ChangePreviews previews, SubscriptionChanges changes) {
        this.previews = previews;
        this.changes = changes;
    }

    @QueryMapping
    ChangePreviewPayload previewCustomizePlan(@Argument PreviewCustomizePlanInput input, Principal principal) {
        return previews.previewCustomizePlan(principal, input);
    }

    @MutationMapping
    SubscriptionChangePayload customizePlan(@Argument CustomizePlanInput input, Principal principal) {
        return changes.customizePlan(principal, input);
    }

    @QueryMapping
    ChangePreviewPayload previewSwitchToAnnualBilling(@Argument PreviewSwitchToAnnualBillingInput input,
                                                      Principal principal) {
        return previews.previewSwitchToAnnualBilling(principal, input);
    }

    @MutationMapping
    SubscriptionChangePayload switchToAnnualBilling(@Argument SwitchToAnnualBillingInput input, Principal principal) {
        return changes.switchToAnnualBilling(principal, input);
    }

    @QueryMapping
    ChangePreviewPayload previewChangePlan(@Argument PreviewChangePlanInput input, Principal principal) {
        return previews.previewChangePlan(principal, input);
    }

    @MutationMapping
    SubscriptionChangePayload changePlan(@Argument ChangePlanInput input, Principal principal) {
        return changes.changePlan(principal, input);
    }

    @MutationMapping
    SubscriptionChangePayload cancelScheduledPlanChange(@Argument CancelScheduledPlanChangeInput input,
                                                        Principal principal) {
        return changes.cancelScheduledPlanChange(principal, input);
    }

    @MutationMapping
    SubscriptionChangePayload cancelSubscription(@Argument CancelSubscriptionInput input, Principal principal) {
        return changes.cancelSubscription(principal, input);
    }

    @MutationMapping
    SubscriptionChangePayload reactivateSubscription(@Argument ReactivateSubscriptionInput input, Principal principal) {
        return changes.reactivateSubscription(principal, input);
    }
}
