package com.subscriptionbff.credits;

import com.subscriptionbff.common.BadRequestException;
import com.subscriptionbff.credits.CreditRepository.MonthKey;
import com.subscriptionbff.workspace.Workspace;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

@Controller
class CreditController {

    private final Clock clock;

    CreditController(CreditRepository credits, Clock clock, BatchLoaderRegistry loaders) {
        this.clock = clock;
        loaders.forTypePair(MonthKey.class, CreditUsage.class).registerMappedBatchLoader((keys, env) ->
                Mono.fromSupplier(() -> credits.findUsage(keys)));
    }

    /**
     * This month's credits in the workspace's time zone, for every workspace of the request in one statement; the
     * daily chart comes in the same statement when the query selects it.
     */
    @SchemaMapping(typeName = "Workspace")
    CompletableFuture<CreditUsage> credits(Workspace workspace, DataFetchingFieldSelectionSet selection,
                                           DataLoader<MonthKey, CreditUsage> months) {
        LocalDate today = LocalDate.now(clock.withZone(workspace.zone()));
        return months.load(new MonthKey(workspace.workspaceId(), workspace.zone(), today, selection.contains("daily")));
    }

    @SchemaMapping(typeName = "CreditUsage")
    List<DailyCreditUsage> daily(CreditUsage usage, @Argument Integer days) {
        int count = days == null ? 30 : days;
        if (count < 1 || count > CreditUsage.MAX_CHART_DAYS) {
            throw new BadRequestException("days must be between 1 and " + CreditUsage.MAX_CHART_DAYS);
        }
        return usage.lastDays(count);
    }
}
