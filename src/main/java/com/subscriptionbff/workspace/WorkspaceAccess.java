package com.subscriptionbff.workspace;

import com.subscriptionbff.common.ForbiddenException;
import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.common.NotFoundException;
import com.subscriptionbff.common.UnauthorizedException;
import org.springframework.stereotype.Service;

import java.security.Principal;

/**
 * Who may see what. Any active member reads their workspace; staff read every workspace; anyone else gets
 * NOT_FOUND, exactly as for a workspace that does not exist.
 */
@Service
public class WorkspaceAccess {

    private final WorkspaceRepository workspaces;

    WorkspaceAccess(WorkspaceRepository workspaces) {
        this.workspaces = workspaces;
    }

    public Viewer viewer(Principal principal) {
        return workspaces.findViewer(principal.getName())
                .orElseThrow(() -> new UnauthorizedException("the token's subject is not a user of this service"));
    }

    /** The workspace behind a global id, if the principal may read it. */
    public Workspace readable(Principal principal, String workspaceGlobalId) {
        var workspaceId = GlobalId.uuid(Workspace.TYPE, workspaceGlobalId);
        return workspaces.findReadable(principal.getName(), workspaceId)
                .orElseThrow(() -> new NotFoundException("no workspace with this id"));
    }

    /**
     * The workspace behind a global id, if the principal may change its subscription: OWNER or ADMIN. A member (or
     * staff) gets FORBIDDEN; anyone else NOT_FOUND, so that the workspace's existence does not leak.
     */
    public Workspace manageable(Principal principal, String workspaceGlobalId) {
        Workspace workspace = readable(principal, workspaceGlobalId);
        if (!workspace.viewerCanManageBilling()) {
            throw new ForbiddenException("only the workspace's owner or an admin may do this");
        }
        return workspace;
    }

    public void requireStaff(Principal principal) {
        if (!viewer(principal).isStaff()) {
            throw new ForbiddenException("staff only");
        }
    }
}
