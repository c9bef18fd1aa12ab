package com.subscriptionbff.subscription;

import com.subscriptionbff.workspace.Workspace;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Controller
class SubscriptionController {

    private final SubscriptionRepository subscriptions;
    private final Clock clock;

    SubscriptionController(SubscriptionRepository subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** The subscription of every workspace of the request, with its plans, in one statement; null for none. */
    @BatchMapping(typeName = "Workspace")
    Map<Workspace, Subscription> subscription(List<Workspace> workspaces) {
        Instant now = Instant.now(clock);
        return Workspace.batch(workspaces, ids -> subscriptions.findByWorkspaceIds(ids, now));
    }
}
