package com.subscriptionbff.demo;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/**
 * GET /demo/tokens: a bearer token for each demo user, and one for a service that records credit usage; /demo/tokens/
 * {userId} for any user (demo mode only).
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
        List<DemoToken> all = new ArrayList<>(DemoData.SIGN_IN_USERS.stream().map(user -> {
            String token = tokens.issue(user);
            return new DemoToken(user, token, "{\"Authorization\": \"Bearer " + token + "\"}");
        }).toList());
        String recorder = tokens.issueService(DemoData.USAGE_RECORDER, "credits:record");
        all.add(new DemoToken(DemoData.USAGE_RECORDER, recorder, null));
        return all;
    }

    /** A token for any user id (benchmarks sign in as the owners of bulk workspaces). */
    @GetMapping("/demo/tokens/{userId}")
    DemoToken token(@PathVariable String userId) {
        String token = tokens.issue(userId);
        return new DemoToken(userId, token, "{\"Authorization\": \"Bearer " + token + "\"}");
    }

    /** graphiqlHeaders: the line to paste into GraphiQL's Headers tab; none for the usage recorder, a service. */
    record DemoToken(String user, String token, String graphiqlHeaders) {
    }
}
