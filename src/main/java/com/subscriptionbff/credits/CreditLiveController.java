package com.subscriptionbff.credits;

import com.subscriptionbff.common.ForbiddenException;
import com.subscriptionbff.credits.CreditColumns.MonthKey;
import com.subscriptionbff.workspace.Workspace;
import com.subscriptionbff.workspace.WorkspaceAccess;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;

@Controller
class CreditLiveController {

    private final WorkspaceAccess access;
    private final CreditRepository credits;
    private final CreditUsageNotifications notifications;
    private final LiveStreams streams;
    private final Clock clock;

    CreditLiveController(WorkspaceAccess access, CreditRepository credits, CreditUsageNotifications notifications,
                         LiveStreams streams, Clock clock) {
        this.access = access;
        this.credits = credits;
        this.notifications = notifications;
        this.streams = streams;
        this.clock = clock;
    }

    /**
     * The balance now, then after each recorded usage of this workspace. Members only: not staff, not strangers.
     * Access is checked again before every balance is sent: a member deactivated or removed while following gets
     * NOT_FOUND, and the stream ends. The stream completes when the service shuts down.
     */
    @SubscriptionMapping
    Flux<CreditUsage> creditBalance(@Argument String workspaceId, Principal principal) {
        Workspace workspace = member(principal, workspaceId);
        Mono<CreditUsage> current = Mono.fromCallable(() -> load(member(principal, workspaceId)))
                .subscribeOn(Schedulers.boundedElastic());
        return streams.open(principal.getName(), current.concatWith(notifications.recorded()
                .filter(workspace.workspaceId()::equals)
                .concatMap(recorded -> current)));
    }

    private Workspace member(Principal principal, String workspaceId) {
        Workspace workspace = access.readable(principal, workspaceId);
        if (workspace.viewerRole() == null) {
            throw new ForbiddenException("only members follow a workspace's live balance");
        }
        return workspace;
    }

    private CreditUsage load(Workspace workspace) {
        MonthKey key = new MonthKey(workspace.workspaceId(), workspace.zone(),
                LocalDate.now(clock.withZone(workspace.zone())));
        return credits.findUsage(key);
    }
}
