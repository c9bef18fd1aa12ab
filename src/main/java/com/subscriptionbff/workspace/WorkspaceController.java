package com.subscriptionbff.workspace;

import com.subscriptionbff.common.BadRequestException;
import com.subscriptionbff.common.Connection;
import com.subscriptionbff.common.Cursors;
import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.common.Inputs;
import com.subscriptionbff.common.NotFoundException;
import com.subscriptionbff.common.PageRequest;
import com.subscriptionbff.workspace.WorkspaceRepository.WorkspacePosition;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.security.Principal;
import java.util.List;

@Controller
class WorkspaceController {

    private static final String STAFF_LIST_SCOPE = "workspaces";

    private final WorkspaceAccess access;
    private final WorkspaceRepository workspaces;
    private final Cursors cursors;

    WorkspaceController(WorkspaceAccess access, WorkspaceRepository workspaces, Cursors cursors) {
        this.access = access;
        this.workspaces = workspaces;
        this.cursors = cursors;
    }

    @QueryMapping
    Viewer viewer(Principal principal) {
        return access.viewer(principal);
    }

    @SchemaMapping(typeName = "Viewer")
    List<Workspace> workspaces(Viewer viewer) {
        return workspaces.findByActiveMember(viewer.userId());
    }

    @QueryMapping
    Workspace workspace(@Argument String id, Principal principal) {
        return access.readable(principal, id);
    }

    @QueryMapping
    Node node(@Argument String id, Principal principal) {
        return switch (GlobalId.typeOf(id)) {
            case Workspace.TYPE -> access.readable(principal, id);
            default -> throw new NotFoundException("no object with this id");
        };
    }

    @QueryMapping
    Connection<Workspace> workspaces(@Argument Integer first, @Argument String after, @Argument String search,
                                     Principal principal) {
        access.requireStaff(principal);
        Inputs.text(search, "search", 200);
        int size = PageRequest.size(first, 20);
        WorkspacePosition position = after == null ? null : position(after);
        List<Workspace> rows = workspaces.findPage(search, position, size + 1);
        return Connection.of(rows, size, after != null, workspaces.count(search),
                workspace -> cursors.encode(STAFF_LIST_SCOPE,
                        workspace.name(), workspace.workspaceId().toString()));
    }

    private WorkspacePosition position(String cursor) {
        List<String> keys = cursors.decode(cursor, STAFF_LIST_SCOPE, 2);
        try {
            return new WorkspacePosition(Inputs.text(keys.get(0), "cursor", 200), Cursors.uuid(keys.get(1)));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("malformed cursor");
        }
    }
}
