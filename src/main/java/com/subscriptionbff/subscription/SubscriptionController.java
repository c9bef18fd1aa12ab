package com.subscriptionbff.subscription;

import com.subscriptionbff.common.PlainFields;
import com.subscriptionbff.workspace.Workspace;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Controller
class SubscriptionController implements RuntimeWiringConfigurer {

    private final SubscriptionRepository subscriptions;
    private final Clock clock;
    private final BatchLoaderRegistry loaders;

    SubscriptionController(SubscriptionRepository subscriptions, Clock clock, BatchLoaderRegistry loaders) {
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.loaders = loaders;
    }

    /** Workspace.subscription, batched across workspaces (a plain fetcher: see PlainFields). */
    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        PlainFields.batched(wiring, loaders, "Workspace", "subscription", Subscription.class, this::subscription);
    }

    private Map<Workspace, Subscription> subscription(List<Workspace> workspaces) {
        Instant now = Instant.now(clock);
        return Workspace.batch(workspaces, ids -> subscriptions.findByWorkspaceIds(ids, now));
    }
}
