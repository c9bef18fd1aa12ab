package com.subscriptionbff.workspace;

import com.subscriptionbff.common.ForbiddenException;
import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.common.NotFoundException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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

    /**
     * The signed-in user. A valid token whose subject is not (yet) a user here is a viewer with no workspaces, not an
     * error: the identity provider knows people before any workspace invites them, and a 401 would send a page back
     * to sign-in in a loop. Its email and name come from the token's OpenID claims when present.
     */
    public Viewer viewer(Principal principal) {
        return workspaces.findViewer(principal.getName()).orElseGet(() -> newcomer(principal));
    }

    private static Viewer newcomer(Principal principal) {
        Map<String, Object> claims = principal instanceof JwtAuthenticationToken jwt ? jwt.getTokenAttributes() : Map.of();
        String email = claims.get("email") instanceof String claimed ? claimed : "";
        String name = claims.get("name") instanceof String claimed && !claimed.isBlank() ? claimed : principal.getName();
        return new Viewer(principal.getName(), email, name, false);
    }

    /** The workspace behind a global id, if the principal may read it. */
    public Workspace readable(Principal principal, String workspaceGlobalId) {
        var workspaceId = GlobalId.uuid(Workspace.TYPE, workspaceGlobalId);
        return workspaces.findReadable(principal.getName(), workspaceId)
                .orElseThrow(() -> new NotFoundException("no workspace with this id"));
    }

    /** The workspace, if the user may read it (a download link's user, whose request carries no token). */
    public Optional<Workspace> readable(String userId, UUID workspaceId) {
        return workspaces.findReadable(userId, workspaceId);
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
