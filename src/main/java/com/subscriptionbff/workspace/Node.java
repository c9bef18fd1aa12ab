package com.subscriptionbff.workspace;

/** The Node interface of the schema: anything with a global id. */
public interface Node {

    String id();
}
