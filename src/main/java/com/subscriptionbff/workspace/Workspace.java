package com.subscriptionbff.workspace;

import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.db.enums.MemberRole;

import java.time.ZoneId;
import java.util.UUID;

/**
 * A workspace as one viewer sees it. Only built after the access check, so nested fields trust it.
 * viewerRole is null for staff reading a workspace they are not a member of.
 */
public record Workspace(UUID workspaceId, String name, ZoneId zone, MemberRole viewerRole) implements Node {

    public static final String TYPE = "Workspace";

    public String id() {
        return GlobalId.of(TYPE, workspaceId);
    }

    public String timeZone() {
        return zone.getId();
    }

    public boolean viewerCanManageBilling() {
        return viewerRole == MemberRole.OWNER || viewerRole == MemberRole.ADMIN;
    }
}
