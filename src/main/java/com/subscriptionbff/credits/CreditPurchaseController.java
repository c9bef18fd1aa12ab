package com.subscriptionbff.credits;

import com.subscriptionbff.common.Connection;
import com.subscriptionbff.common.Labels;
import com.subscriptionbff.common.PageRequest;
import com.subscriptionbff.common.Cursors;
import com.subscriptionbff.common.TimePosition;
import com.subscriptionbff.credits.CreditPurchaseRepository.PurchasePage;
import com.subscriptionbff.credits.CreditPurchaseRepository.PurchasePageKey;
import com.subscriptionbff.workspace.Workspace;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CompletableFuture;

@Controller
class CreditPurchaseController {

    private final Labels labels;

    private final Cursors cursors;

    CreditPurchaseController(CreditPurchaseRepository purchases, Labels labels, Cursors cursors,
                             BatchLoaderRegistry loaders) {
        this.cursors = cursors;
        this.labels = labels;
        loaders.forTypePair(PurchasePageKey.class, PurchasePage.class).registerMappedBatchLoader((keys, env) ->
                Mono.fromSupplier(() -> purchases.findPages(List.copyOf(keys))));
    }

    @SchemaMapping(typeName = "Workspace")
    CompletableFuture<Connection<CreditPurchase>> creditPurchases(Workspace workspace, @Argument Integer first,
                                                                  @Argument String after,
                                                                  DataLoader<PurchasePageKey, PurchasePage> pages) {
        int size = PageRequest.size(first, 10);
        String scope = "credit-purchases:" + workspace.workspaceId();
        var key = new PurchasePageKey(workspace.workspaceId(), workspace.zone(), cursors.after(after, scope), size + 1);
        return pages.load(key).thenApply(page -> Connection.of(page.purchases(), size, after != null, page.totalCount(),
                purchase -> cursors.encode(scope, new TimePosition(purchase.purchasedAt(), purchase.purchaseId()))));
    }

    @SchemaMapping(typeName = "CreditPurchase")
    String sourceLabel(CreditPurchase purchase, @Argument String locale) {
        return labels.of("credit.source." + purchase.source().name(), locale);
    }
}
