package com.subscriptionbff.common;

import java.util.List;

/** A business refusal of a mutation: returned in the payload's userErrors, not as a GraphQL error. */
public record UserError(List<String> field, Code code, String message) {

    public enum Code {
        NOT_ALLOWED
    }
}
