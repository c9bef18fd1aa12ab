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
import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The Overview tab's fields of a workspace that read one row or one aggregate each: subscription, payment method,
 * seats and credits, and the page's buttons and plan choices that follow from the subscription. Each is a batch of
 * all the request's workspaces, and the batches share what the first one loads ({@link LoadedOverviews}): the
 * workspaces of a request (one, or a page of 100) cost one statement for all of them together.
 */
@Controller
class OverviewController {

    private final OverviewRepository overviews;
    private final Capabilities capabilities;
    private final PlanChoices planChoices;
    private final Clock clock;

    OverviewController(OverviewRepository overviews, Capabilities capabilities, PlanChoices planChoices, Clock clock) {
        this.overviews = overviews;
        this.capabilities = capabilities;
        this.planChoices = planChoices;
        this.clock = clock;
    }

    @BatchMapping(typeName = "Workspace")
    Map<Workspace, Subscription> subscription(List<Workspace> workspaces, GraphQLContext context) {
        return load(workspaces, context, (workspace, overview) -> overview.subscription());
    }

    @BatchMapping(typeName = "Workspace")
    Map<Workspace, PaymentMethod> paymentMethod(List<Workspace> workspaces, GraphQLContext context) {
        return load(workspaces, context, (workspace, overview) -> overview.paymentMethod());
    }

    @BatchMapping(typeName = "Workspace")
    Map<Workspace, SeatUsage> seats(List<Workspace> workspaces, GraphQLContext context) {
        return load(workspaces, context, (workspace, overview) -> overview.seats());
    }

    /** This month's credits in the workspace's time zone (its daily chart is CreditUsage.daily's own batch). */
    @BatchMapping(typeName = "Workspace")
    Map<Workspace, CreditUsage> credits(List<Workspace> workspaces, GraphQLContext context) {
        return load(workspaces, context, (workspace, overview) -> overview.credits());
    }

    /** The page's buttons for the viewer, from the subscription the other fields load anyway. */
    @BatchMapping(typeName = "Workspace")
    Map<Workspace, List<Capability>> capabilities(List<Workspace> workspaces, GraphQLContext context) {
        return load(workspaces, context, (workspace, overview) -> capabilities.of(workspace, overview.subscription()));
    }

    /** The plan-selection page: what each plan would do for this workspace now. */
    @BatchMapping(typeName = "Workspace")
    Map<Workspace, List<PlanChoice>> planChoices(List<Workspace> workspaces, GraphQLContext context) {
        return load(workspaces, context, (workspace, overview) -> planChoices.of(workspace, overview.subscription()));
    }

    private <T> Map<Workspace, T> load(List<Workspace> workspaces, GraphQLContext context,
                                       BiFunction<Workspace, Overview, T> part) {
        return LoadedOverviews.of(context).get(workspaces, this::month,
                months -> overviews.find(months, clock.instant()), part);
    }

    /** The workspace's month as of today where it is. */
    private MonthKey month(Workspace workspace) {
        return new MonthKey(workspace.workspaceId(), workspace.zone(), LocalDate.now(clock.withZone(workspace.zone())));
    }
}
