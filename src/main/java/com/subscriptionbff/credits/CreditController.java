package com.subscriptionbff.credits;

import com.subscriptionbff.common.BadRequestException;
import com.subscriptionbff.credits.CreditRepository.MonthKey;
import com.subscriptionbff.workspace.Workspace;
import graphql.language.Field;
import graphql.language.Selection;
import graphql.schema.DataFetchingEnvironment;
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

    /** Batched across workspaces; the daily chart comes in the same statement when the query selects it. */
    @SchemaMapping(typeName = "Workspace")
    CompletableFuture<CreditUsage> credits(Workspace workspace, DataFetchingEnvironment env,
                                           DataLoader<MonthKey, CreditUsage> months) {
        LocalDate today = LocalDate.now(clock.withZone(workspace.zone()));
        return months.load(new MonthKey(workspace.workspaceId(), workspace.zone(), today, selectsDaily(env)));
    }

    /**
     * Whether the query asks for the chart. Reads the field's own selections: the full selection set would build a
     * normalized copy of the whole operation on every request; fragments (rare here) fall back to it.
     */
    private static boolean selectsDaily(DataFetchingEnvironment env) {
        for (Field field : env.getMergedField().getFields()) {
            for (Selection<?> selection : field.getSelectionSet().getSelections()) {
                if (!(selection instanceof Field child)) {
                    return env.getSelectionSet().contains("daily");
                }
                if (child.getName().equals("daily")) {
                    return true;
                }
            }
        }
        return false;
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
