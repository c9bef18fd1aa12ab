package com.subscriptionbff.seats;

import com.subscriptionbff.common.Connection;
import com.subscriptionbff.common.Cursors;
import com.subscriptionbff.common.PageRequest;
import com.subscriptionbff.common.TimePosition;
import com.subscriptionbff.seats.SeatRepository.DeactivationsKey;
import com.subscriptionbff.seats.SeatRepository.HolderPageKey;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

@Controller
class SeatController {

    private final SeatRepository seats;
    private final Cursors cursors;

    SeatController(SeatRepository seats, Cursors cursors, BatchLoaderRegistry loaders) {
        this.seats = seats;
        this.cursors = cursors;
        loaders.forTypePair(HolderPageKey.class, SeatPage.class).registerMappedBatchLoader((keys, env) ->
                Mono.fromSupplier(() -> seats.findHolders(List.copyOf(keys)).entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> new SeatPage(e.getValue())))));
        loaders.forTypePair(DeactivationsKey.class, Deactivations.class).registerMappedBatchLoader((keys, env) ->
                Mono.fromSupplier(() -> seats.findDeactivations(List.copyOf(keys)).entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> new Deactivations(e.getValue())))));
    }

    /** A page of seat holders in the order they joined; the pages of all the request's workspaces in one statement. */
    @SchemaMapping(typeName = "SeatUsage")
    CompletableFuture<Connection<Seat>> holders(SeatUsage usage, @Argument Integer first, @Argument String after,
                                                DataLoader<HolderPageKey, SeatPage> pages) {
        int size = PageRequest.size(first, 20);
        String scope = usage.workspaceId().toString();
        var key = new HolderPageKey(usage.workspaceId(), usage.total(), usage.renews(), cursors.after(after, scope),
                size + 1);
        return pages.load(key).thenApply(page -> Connection.of(page.seats(), size, after != null, usage.used(),
                seat -> cursors.encode(scope, new TimePosition(seat.joinedAt(), seat.memberId()))));
    }

    @SchemaMapping(typeName = "SeatUsage")
    CompletableFuture<List<DeactivatedSeat>> deactivatedAtRenewals(SeatUsage usage, @Argument Integer first,
                                                                  DataLoader<DeactivationsKey, Deactivations> loader) {
        int size = PageRequest.size(first, 20);
        return loader.load(new DeactivationsKey(usage.workspaceId(), size)).thenApply(Deactivations::seats);
    }

    /** The value type of the holders DataLoader. */
    record SeatPage(List<Seat> seats) {
    }

    /** The value type of the deactivations DataLoader. */
    record Deactivations(List<DeactivatedSeat> seats) {
    }
}
