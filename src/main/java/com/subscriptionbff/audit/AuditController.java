package com.subscriptionbff.audit;

import com.subscriptionbff.common.Connection;
import com.subscriptionbff.common.ForbiddenException;
import com.subscriptionbff.common.PageRequest;
import com.subscriptionbff.common.Cursors;
import com.subscriptionbff.common.TimePosition;
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
class AuditController {

    private final Cursors cursors;

    AuditController(AuditLog log, Cursors cursors, BatchLoaderRegistry loaders) {
        this.cursors = cursors;
        loaders.forTypePair(AuditLog.PageKey.class, AuditLog.Page.class).registerMappedBatchLoader((keys, env) ->
                Mono.fromSupplier(() -> log.findPages(List.copyOf(keys))));
    }

    /** Owners and admins only: a member (or staff) gets FORBIDDEN on this field and still sees the rest. */
    @SchemaMapping(typeName = "Workspace")
    CompletableFuture<Connection<AuditEntry>> auditLog(Workspace workspace, @Argument Integer first,
                                                       @Argument String after,
                                                       DataLoader<AuditLog.PageKey, AuditLog.Page> pages) {
        if (!workspace.viewerCanManageBilling()) {
            throw new ForbiddenException("only the workspace's owner or an admin may read the audit log");
        }
        int size = PageRequest.size(first, 20);
        String scope = "audit:" + workspace.workspaceId();
        var key = new AuditLog.PageKey(workspace.workspaceId(), cursors.after(after, scope), size + 1);
        return pages.load(key).thenApply(page -> Connection.of(page.entries(), size, after != null, page.totalCount(),
                entry -> cursors.encode(scope, new TimePosition(entry.at(), entry.entryId()))));
    }
}
