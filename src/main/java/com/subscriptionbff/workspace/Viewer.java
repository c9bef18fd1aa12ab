package com.subscriptionbff.workspace;

import com.subscriptionbff.common.GlobalId;

/** The signed-in user. */
public record Viewer(String userId, String email, String displayName, boolean isStaff) {

    public String id() {
        return GlobalId.of("User", userId);
    }
}
