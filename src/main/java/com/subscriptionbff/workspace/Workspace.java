package com.subscriptionbff.workspace;

import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.db.enums.MemberRole;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

    /**
     * Answers a {@code @BatchMapping} of Workspace: loads values for all the workspaces' ids at once and keys them by
     * workspace. Workspaces without a value are left out (the field is null for them).
     */
    public static <V> Map<Workspace, V> batch(List<Workspace> workspaces, Function<List<UUID>, Map<UUID, V>> load) {
        Map<UUID, V> byId = load.apply(workspaces.stream().map(Workspace::workspaceId).distinct().toList());
        Map<Workspace, V> result = new HashMap<>();
        for (Workspace workspace : workspaces) {
            V value = byId.get(workspace.workspaceId());
            if (value != null) {
                result.put(workspace, value);
            }
        }
        return result;
    }

    public boolean viewerCanManageBilling() {
        return viewerRole == MemberRole.OWNER || viewerRole == MemberRole.ADMIN;
    }
}
