package com.subscriptionbff.credits;

import com.subscriptionbff.common.BadRequestException;
import com.subscriptionbff.common.PlainFields;
import com.subscriptionbff.credits.CreditRepository.MonthKey;
import com.subscriptionbff.workspace.Workspace;
import graphql.language.Field;
import graphql.language.Selection;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoader;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Workspace.credits and its chart are on every Overview: plain fetchers (see PlainFields). */
@Controller
class CreditController implements RuntimeWiringConfigurer {

    private static final String MONTHS = "Workspace.credits";

    private final Clock clock;

    CreditController(CreditRepository credits, Clock clock, BatchLoaderRegistry loaders) {
        this.clock = clock;
        loaders.<MonthKey, CreditUsage>forName(MONTHS).registerMappedBatchLoader((keys, env) ->
                Mono.fromSupplier(() -> credits.findUsage(keys)));
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        PlainFields.field(wiring, "Workspace", "credits", ResolvableType.forClass(CreditUsage.class), this::credits);
        PlainFields.field(wiring, "CreditUsage", "daily",
                ResolvableType.forClassWithGenerics(List.class, DailyCreditUsage.class), CreditController::daily);
    }

    /** Batched across workspaces; the daily chart comes in the same statement when the query selects it. */
    private CompletableFuture<CreditUsage> credits(DataFetchingEnvironment env) {
        Workspace workspace = env.getSource();
        LocalDate today = LocalDate.now(clock.withZone(workspace.zone()));
        DataLoader<MonthKey, CreditUsage> months = env.getDataLoader(MONTHS);
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

    private static List<DailyCreditUsage> daily(DataFetchingEnvironment env) {
        Integer days = env.getArgument("days");
        int count = days == null ? 30 : days;
        if (count < 1 || count > CreditUsage.MAX_CHART_DAYS) {
            throw new BadRequestException("days must be between 1 and " + CreditUsage.MAX_CHART_DAYS);
        }
        return env.<CreditUsage>getSource().lastDays(count);
    }
}
