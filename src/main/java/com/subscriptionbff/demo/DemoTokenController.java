package com.subscriptionbff.demo;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * GET /demo/tokens: a bearer token for each demo user, one for a service that records credit usage and one for a
 * service that announces new workspaces; /demo/tokens/{userId} for any user (demo mode only).
 */
@RestController
@Conditional(DemoMode.class)
class DemoTokenController {

    private final DemoTokens tokens;

    DemoTokenController(DemoTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/demo/tokens")
    List<DemoToken> tokens() {
        List<DemoToken> all = new ArrayList<>(DemoData.SIGN_IN_USERS.stream().map(this::token).toList());
        String recorder = tokens.issueService(DemoData.USAGE_RECORDER, "credits:record");
        all.add(new DemoToken(DemoData.USAGE_RECORDER, recorder, null, null));
        String announcer = tokens.issueService(DemoData.WORKSPACE_ANNOUNCER, "workspaces:announce");
        all.add(new DemoToken(DemoData.WORKSPACE_ANNOUNCER, announcer, null, null));
        return all;
    }

    /** A token for any user id (benchmarks sign in as the owners of bulk workspaces). */
    @GetMapping("/demo/tokens/{userId}")
    DemoToken token(@PathVariable String userId) {
        String token = tokens.issue(userId);
        String headers = "{\"Authorization\": \"Bearer " + token + "\"}";
        return new DemoToken(userId, token, headers,
                "/graphiql?path=/graphql&headers=" + URLEncoder.encode(headers, StandardCharsets.UTF_8));
    }

    /**
     * graphiqlHeaders: the line to paste into GraphiQL's Headers tab; graphiql: GraphiQL opened with it. Neither for
     * the services (the usage recorder, the workspace announcer).
     */
    record DemoToken(String user, String token, String graphiqlHeaders, String graphiql) {
    }
}
