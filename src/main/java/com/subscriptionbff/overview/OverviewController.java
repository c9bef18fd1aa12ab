package com.subscriptionbff.overview;

import com.subscriptionbff.credits.CreditColumns.MonthKey;
import com.subscriptionbff.credits.CreditUsage;
import com.subscriptionbff.payment.PaymentMethod;
import com.subscriptionbff.seats.SeatUsage;
import com.subscriptionbff.subscription.Capabilities;
import com.subscriptionbff.subscription.Capabilities.Capability;
import com.subscriptionbff.subscription.PlanChoices;
import com.subscriptionbff.subscription.PlanChoices.PlanChoice;
import com.subscriptionbff.subscription.Subscription;
import com.subscriptionbff.workspace.Workspace;
import graphql.execution.ExecutionStepInfo;
import graphql.language.Field;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Overview tab's fields of a workspace that read one row or one aggregate each: subscription, payment method,
 * seats and credits. All four load through one DataLoader, so that the workspaces of a request (one, or a page of
 * 100) cost one statement for all of them together.
 */
@Controller
class OverviewController {

    private final Clock clock;
    private final Capabilities capabilities;
    private final PlanChoices planChoices;

    OverviewController(OverviewRepository overviews, Capabilities capabilities, PlanChoices planChoices, Clock clock,
                       BatchLoaderRegistry loaders) {
        this.clock = clock;
        this.capabilities = capabilities;
        this.planChoices = planChoices;
        loaders.forTypePair(MonthKey.class, Overview.class).registerMappedBatchLoader((keys, env) ->
                Mono.fromSupplier(() -> overviews.find(keys, clock.instant())));
    }

    @SchemaMapping(typeName = "Workspace")
    CompletableFuture<Subscription> subscription(Workspace workspace, DataFetchingEnvironment env,
                                                 DataLoader<MonthKey, Overview> overviews) {
        return load(workspace, env, overviews).thenApply(Overview::subscription);
    }

    @SchemaMapping(typeName = "Workspace")
    CompletableFuture<PaymentMethod> paymentMethod(Workspace workspace, DataFetchingEnvironment env,
                                                   DataLoader<MonthKey, Overview> overviews) {
        return load(workspace, env, overviews).thenApply(Overview::paymentMethod);
    }

    @SchemaMapping(typeName = "Workspace")
    CompletableFuture<SeatUsage> seats(Workspace workspace, DataFetchingEnvironment env,
                                       DataLoader<MonthKey, Overview> overviews) {
        return load(workspace, env, overviews).thenApply(Overview::seats);
    }

    /** This month's credits in the workspace's time zone; the daily chart is read only when the query selects it. */
    @SchemaMapping(typeName = "Workspace")
    CompletableFuture<CreditUsage> credits(Workspace workspace, DataFetchingEnvironment env,
                                           DataLoader<MonthKey, Overview> overviews) {
        return load(workspace, env, overviews).thenApply(Overview::credits);
    }

    /** The page's buttons for the viewer, from the subscription the other fields load anyway. */
    @SchemaMapping(typeName = "Workspace")
    CompletableFuture<List<Capability>> capabilities(Workspace workspace, DataFetchingEnvironment env,
                                                     DataLoader<MonthKey, Overview> overviews) {
        return load(workspace, env, overviews).thenApply(overview -> capabilities.of(workspace,
                overview == null ? null : overview.subscription()));
    }

    /** The plan-selection page: what each plan would do for this workspace now. */
    @SchemaMapping(typeName = "Workspace")
    CompletableFuture<List<PlanChoice>> planChoices(Workspace workspace, DataFetchingEnvironment env,
                                                    DataLoader<MonthKey, Overview> overviews) {
        return load(workspace, env, overviews).thenApply(overview -> planChoices.of(workspace,
                overview == null ? null : overview.subscription()));
    }

    /** The same key from each of the four fields, so that the DataLoader loads a workspace once. */
    private CompletableFuture<Overview> load(Workspace workspace, DataFetchingEnvironment env,
                                             DataLoader<MonthKey, Overview> overviews) {
        LocalDate today = LocalDate.now(clock.withZone(workspace.zone()));
        return overviews.load(new MonthKey(workspace.workspaceId(), workspace.zone(), today, selectsChart(env)));
    }

    /** Whether the query asks this workspace for `credits { daily }` (with fragments, assumed so). */
    private static boolean selectsChart(DataFetchingEnvironment env) {
        ExecutionStepInfo workspaceStep = env.getExecutionStepInfo().getParent();
        for (Field workspaceField : workspaceStep.getField().getFields()) {
            for (Selection<?> selection : workspaceField.getSelectionSet().getSelections()) {
                if (!(selection instanceof Field field)) {
                    return true;
                }
                if (field.getName().equals("credits") && asksForDaily(field.getSelectionSet())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean asksForDaily(SelectionSet selections) {
        for (Selection<?> selection : selections.getSelections()) {
            if (!(selection instanceof Field field) || field.getName().equals("daily")) {
                return true;
            }
        }
        return false;
    }
}
