package com.subscriptionbff.seats;

import com.subscriptionbff.common.Connection;
import com.subscriptionbff.common.PageRequest;
import com.subscriptionbff.common.PlainFields;
import com.subscriptionbff.common.Cursors;
import com.subscriptionbff.common.TimePosition;
import com.subscriptionbff.seats.SeatRepository.DeactivationsKey;
import com.subscriptionbff.seats.SeatRepository.HolderPageKey;
import com.subscriptionbff.workspace.Workspace;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoader;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Workspace.seats and its holders are on every Overview: plain fetchers (see PlainFields). */
@Controller
class SeatController implements RuntimeWiringConfigurer {

    private static final String HOLDER_PAGES = "SeatUsage.holders";

    private final SeatRepository seats;
    private final BatchLoaderRegistry loaders;

    private final Cursors cursors;

    SeatController(SeatRepository seats, Cursors cursors, BatchLoaderRegistry loaders) {
        this.cursors = cursors;
        this.seats = seats;
        this.loaders = loaders;
        loaders.<HolderPageKey, SeatPage>forName(HOLDER_PAGES).registerMappedBatchLoader((keys, env) ->
                Mono.fromSupplier(() -> wrap(seats.findHolders(List.copyOf(keys)))));
        loaders.forTypePair(DeactivationsKey.class, Deactivations.class).registerMappedBatchLoader((keys, env) ->
                Mono.fromSupplier(() -> seats.findDeactivations(List.copyOf(keys)).entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                                e -> new Deactivations(e.getValue())))));
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        PlainFields.<Workspace, SeatUsage>batched(wiring, loaders, "Workspace", "seats", SeatUsage.class,
                workspaces -> Workspace.batch(workspaces, seats::findUsage));
        PlainFields.field(wiring, "SeatUsage", "holders",
                ResolvableType.forClassWithGenerics(Connection.class, Seat.class), this::holders);
    }

    private CompletableFuture<Connection<Seat>> holders(DataFetchingEnvironment environment) {
        SeatUsage usage = environment.getSource();
        String after = environment.getArgument("after");
        int size = PageRequest.size(environment.getArgument("first"), 20);
        String scope = usage.workspaceId().toString();
        var key = new HolderPageKey(usage.workspaceId(), usage.total(), usage.renews(),
                cursors.after(after, scope), size + 1);
        DataLoader<HolderPageKey, SeatPage> pages = environment.getDataLoader(HOLDER_PAGES);
        return pages.load(key).thenApply(page -> Connection.of(page.seats(), size, after != null, usage.used(),
                seat -> cursors.encode(scope, new TimePosition(seat.joinedAt(), seat.memberId()))));
    }

    @SchemaMapping(typeName = "SeatUsage")
    CompletableFuture<List<DeactivatedSeat>> deactivatedAtRenewals(SeatUsage usage, @Argument Integer first,
                                                                  DataLoader<DeactivationsKey, Deactivations> loader) {
        int size = PageRequest.size(first, 20);
        return loader.load(new DeactivationsKey(usage.workspaceId(), size)).thenApply(Deactivations::seats);
    }

    /** The value type of the deactivations DataLoader. */
    record Deactivations(List<DeactivatedSeat> seats) {
    }

    private static Map<HolderPageKey, SeatPage> wrap(Map<HolderPageKey, List<Seat>> pages) {
        return pages.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> new SeatPage(e.getValue())));
    }

    /** The value type of the holders DataLoader. */
    record SeatPage(List<Seat> seats) {
    }
}
