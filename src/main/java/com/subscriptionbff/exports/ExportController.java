package com.subscriptionbff.exports;

import com.subscriptionbff.common.UserError;
import com.subscriptionbff.exports.ExportLinks.Download;
import com.subscriptionbff.graphql.RequestOrigin;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import java.security.Principal;
import java.util.List;

/** The Billing tab's Export buttons: a short-lived link to the CSV of a workspace's history, for any member. */
@Controller
class ExportController {

    private final ExportLinks links;

    ExportController(ExportLinks links) {
        this.links = links;
    }

    record ExportInvoicesInput(String workspaceId) {
    }

    record ExportInvoicesPayload(Download download, List<UserError> userErrors) {
    }

    record ExportCreditPurchasesInput(String workspaceId) {
    }

    record ExportCreditPurchasesPayload(Download download, List<UserError> userErrors) {
    }

    @MutationMapping
    ExportInvoicesPayload exportInvoices(@Argument ExportInvoicesInput input, Principal principal,
                                         @ContextValue(RequestOrigin.CONTEXT_KEY) String origin) {
        return new ExportInvoicesPayload(links.create(principal, input.workspaceId(),
                InvoiceExportController.PURPOSE, origin, InvoiceExportController.PATH), List.of());
    }

    @MutationMapping
    ExportCreditPurchasesPayload exportCreditPurchases(@Argument ExportCreditPurchasesInput input,
                                                       Principal principal,
                                                       @ContextValue(RequestOrigin.CONTEXT_KEY) String origin) {
        return new ExportCreditPurchasesPayload(links.create(principal, input.workspaceId(),
                CreditPurchaseExportController.PURPOSE, origin, CreditPurchaseExportController.PATH), List.of());
    }
}
