package com.subscriptionbff.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** The fixed ids of the demo data set: users to sign in as, and one workspace per state the page renders. */
public final class DemoData {

    public static final String OWNER = "demo-owner";
    public static final String ADMIN = "demo-admin";
    public static final String MEMBER = "demo-member";
    /** Owner of Wayne Enterprises only: a stranger to every other workspace. */
    public static final String OUTSIDER = "demo-outsider";
    public static final String STAFF = "demo-staff";
    /** Was a member of Acme, deactivated: reads nothing there any more. */
    public static final String FORMER_MEMBER = "demo-former";

    public static final List<String> SIGN_IN_USERS = List.of(OWNER, ADMIN, MEMBER, OUTSIDER, STAFF, FORMER_MEMBER);
    /** A service, not a user: records credit usage (POST /internal/credit-usage, scope credits:record). */
    public static final String USAGE_RECORDER = "demo-usage-recorder";
    /** A service, not a user: announces new workspaces (POST /internal/workspaces, scope workspaces:announce). */
    public static final String WORKSPACE_ANNOUNCER = "demo-workspace-announcer";

    /** Monthly Team Starter, paid by card, with extra seats and credits. */
    public static final UUID ACME = id("workspace:acme");
    /** Annual Team Pro. */
    public static final UUID GLOBEX = id("workspace:globex");
    /** Trialing, no card. */
    public static final UUID INITECH = id("workspace:initech");
    /** Past due, expired card. */
    public static final UUID UMBRELLA = id("workspace:umbrella");
    /** Cancelled at period end, with a reason. */
    public static final UUID HOOLI = id("workspace:hooli");
    /** Free plan. */
    public static final UUID PIED_PIPER = id("workspace:pied-piper");
    /** More active members than seats; time zone Pacific/Auckland. */
    public static final UUID STARK = id("workspace:stark");
    /** The outsider's own workspace. */
    public static final UUID WAYNE = id("workspace:wayne");

    /** The seed of the bulk data set the demo mode generates on request. */
    public static final long BULK_SEED = 42;

    private DemoData() {
    }

    /** Bulk workspace n: an id that SQL scripts (pgbench) can compute from n as well. */
    public static UUID bulkWorkspace(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }

    /** The OWNER of bulk workspace n. */
    public static String bulkOwner(int n) {
        return "bulk-" + BULK_SEED + "-" + n + "-user-1";
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
