package com.subscriptionbff.credits;

import com.subscriptionbff.audit.AuditEntry;
import com.subscriptionbff.audit.AuditLog;
import com.subscriptionbff.common.Inputs;
import com.subscriptionbff.common.Money;
import com.subscriptionbff.common.ReturnUrls;
import com.subscriptionbff.common.UserError;
import com.subscriptionbff.db.enums.AuditAction;
import com.subscriptionbff.plan.Plan;
import com.subscriptionbff.plan.PlanPrices;
import com.subscriptionbff.stripe.StripeCustomers;
import com.subscriptionbff.stripe.StripeHostedPages;
import com.subscriptionbff.stripe.StripeRefusal;
import com.subscriptionbff.workspace.Workspace;
import com.subscriptionbff.workspace.WorkspaceAccess;
import com.subscriptionbff.plan.PlanRepository;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * "Buy credits": the price of the chosen millions from the catalog, then a Stripe Checkout page selling them. The
 * purchase reaches the history when Stripe confirms the payment (checkout.session.completed).
 */
@Controller
class CreditCheckoutController {

    static final int MAX_MILLIONS = 1_000;

    private final WorkspaceAccess access;
    private final ReturnUrls returnUrls;
    private final StripeHostedPages stripePages;
    private final StripeCustomers customers;
    private final PlanPrices prices;
    private final AuditLog audit;
    private final PlanRepository plans;
    private final Clock clock;

    CreditCheckoutController(WorkspaceAccess access, ReturnUrls returnUrls, StripeHostedPages stripePages,
                             StripeCustomers customers, PlanPrices prices, AuditLog audit, PlanRepository plans,
                             Clock clock) {
        this.access = access;
        this.returnUrls = returnUrls;
        this.stripePages = stripePages;
        this.customers = customers;
        this.prices = prices;
        this.audit = audit;
        this.plans = plans;
        this.clock = clock;
    }

    record PreviewBuyCreditsInput(String workspaceId, Integer millions) {
    }

    record CreditPurchasePreview(long credits, Money pricePerMillion, Money amount) {
    }

    record PreviewBuyCreditsPayload(CreditPurchasePreview preview, List<UserError> userErrors) {
    }

    record BuyCreditsInput(String workspaceId, Integer millions, String returnUrl, String idempotencyKey) {
    }

    record BuyCreditsPayload(String checkoutUrl, CreditPurchasePreview preview, List<UserError> userErrors) {
    }

    private record Price(UUID planId, Money perMillion) {
    }

    @QueryMapping
    PreviewBuyCreditsPayload previewBuyCredits(@Argument PreviewBuyCreditsInput input, Principal principal) {
        Workspace workspace = access.manageable(principal, input.workspaceId());
        var refusal = check(input.millions());
        if (refusal.isPresent()) {
            return new PreviewBuyCreditsPayload(null, List.of(refusal.get()));
        }
        return price(workspace).map(price -> new PreviewBuyCreditsPayload(preview(price, input.millions()), List.of()))
                .orElseGet(() -> new PreviewBuyCreditsPayload(null, List.of(notSold())));
    }

    @MutationMapping
    BuyCreditsPayload buyCredits(@Argument BuyCreditsInput input, Principal principal) {
        Workspace workspace = access.manageable(principal, input.workspaceId());
        String key = Inputs.idempotencyKey(workspace.workspaceId(), "buyCredits", input.idempotencyKey());
        var refusal = check(input.millions());
        if (refusal.isEmpty()) {
            refusal = returnUrls.refusal(input.returnUrl());
        }
        if (refusal.isPresent()) {
            return new BuyCreditsPayload(null, null, List.of(refusal.get()));
        }
        Price price = price(workspace).orElse(null);
        if (price == null) {
            return new BuyCreditsPayload(null, null, List.of(notSold()));
        }
        CreditPurchasePreview preview = preview(price, input.millions());
        String creditPack = prices.creditPackOf(price.planId()).orElse(null);
        if (creditPack == null) { // the catalog prices it, but Stripe sells it not
            return new BuyCreditsPayload(null, null, List.of(UserError.of(UserError.Code.NOT_ELIGIBLE,
                    "this plan sells no credits to buy")));
        }
        try {
            String customer = customers.ensureCustomer(workspace.workspaceId(), workspace.name());
            String url = stripePages.creditsCheckoutUrl(customer, workspace.workspaceId(), creditPack, input.millions(),
                    preview.credits(), input.returnUrl(), input.returnUrl(), key);
            audit.record(workspace.workspaceId(), principal.getName(), clock.instant(),
                    AuditAction.START_CREDIT_PURCHASE,
                    List.of(new AuditEntry.Change("credits", null, Long.toString(preview.credits()))),
                    null, null, key, input);
            return new BuyCreditsPayload(url, preview, List.of());
        } catch (StripeRefusal stripeRefusal) {
            return new BuyCreditsPayload(null, null, List.of(stripeRefusal.userError()));
        }
    }

    private static Optional<UserError> check(Integer millions) {
        if (millions == null || millions < 1 || millions > MAX_MILLIONS) {
            return Optional.of(UserError.of(UserError.Code.INVALID_QUANTITY,
                    "credits are bought by the million, from 1 to " + MAX_MILLIONS + " million at once",
                    "input", "millions"));
        }
        return Optional.empty();
    }

    private static UserError notSold() {
        return UserError.of(UserError.Code.NOT_ELIGIBLE, "this workspace's plan sells no credits to buy");
    }

    private static CreditPurchasePreview preview(Price price, int millions) {
        return new CreditPurchasePreview(millions * Plan.CREDITS_PER_UNIT, price.perMillion(),
                price.perMillion().times(millions));
    }

    /** The one-off price of a million credits on the workspace's plan. */
    private Optional<Price> price(Workspace workspace) {
        return plans.findByWorkspaceId(workspace.workspaceId())
                .filter(plan -> plan.purchasedCreditsPricePerMillion() != null)
                .map(plan -> new Price(plan.planId(), plan.purchasedCreditsPricePerMillion()));
    }
}
