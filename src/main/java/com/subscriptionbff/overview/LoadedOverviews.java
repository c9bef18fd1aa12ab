package com.subscriptionbff.overview;

import com.subscriptionbff.credits.CreditColumns.MonthKey;
import com.subscriptionbff.workspace.Workspace;
import graphql.GraphQLContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The overviews a request has loaded, by workspace, kept in its GraphQL context: the first of the Workspace fields'
 * batches ({@link OverviewController}) loads them for all its workspaces in one statement, the other fields' batches
 * of the same workspaces read them, and only workspaces not loaded yet (another part of the query) cost another.
 */
final class LoadedOverviews {

    private static final String CONTEXT_KEY = LoadedOverviews.class.getName();

    private final Map<UUID, Overview> byWorkspace = new HashMap<>();

    static LoadedOverviews of(GraphQLContext context) {
        return context.computeIfAbsent(CONTEXT_KEY, key -> new LoadedOverviews());
    }

    /**
     * Each workspace's part of its overview (a value of null leaves the field null).
     *
     * @param load the overviews of the given months, by month
     */
    synchronized <T> Map<Workspace, T> get(List<Workspace> workspaces, Function<Workspace, MonthKey> month,
                                           Function<List<MonthKey>, Map<MonthKey, Overview>> load,
                                           BiFunction<Workspace, Overview, T> part) {
        List<MonthKey> missing = new ArrayList<>();
        for (Workspace workspace : workspaces) {
            if (!byWorkspace.containsKey(workspace.workspaceId())) {
                missing.add(month.apply(workspace));
            }
        }
        if (!missing.isEmpty()) {
            load.apply(missing).forEach((key, overview) -> byWorkspace.put(key.workspaceId(), overview));
        }
        Map<Workspace, T> parts = new LinkedHashMap<>();
        for (Workspace workspace : workspaces) {
            parts.put(workspace, part.apply(workspace, byWorkspace.get(workspace.workspaceId())));
        }
        return parts;
    }
}
