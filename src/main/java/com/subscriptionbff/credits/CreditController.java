package com.subscriptionbff.credits;

import com.subscriptionbff.common.BadRequestException;
import com.subscriptionbff.credits.CreditRepository.DailyKey;
import com.subscriptionbff.credits.CreditRepository.MonthKey;
import com.subscriptionbff.workspace.Workspace;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

@Controller
class CreditController {

    static final int MAX_DAYS = 90;

    private final CreditRepository credits;
    private final Clock clock;

    CreditController(CreditRepository credits, Clock clock, BatchLoaderRegistry loaders) {
        this.credits = credits;
        this.clock = clock;
        loaders.forTypePair(DailyKey.class, DailySeries.class).registerMappedBatchLoader((keys, env) ->
                Mono.fromSupplier(() -> credits.findDaily(keys).entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> new DailySeries(e.getValue())))));
    }

    @BatchMapping(typeName = "Workspace")
    Map<Workspace, CreditUsage> credits(List<Workspace> workspaces) {
        Map<UUID, MonthKey> months = workspaces.stream().distinct().collect(Collectors.toMap(
                Workspace::workspaceId,
                w -> new MonthKey(w.workspaceId(), w.zone(), LocalDate.now(clock.withZone(w.zone()))),
                (a, b) -> a));
        Map<UUID, CreditUsage> usage = credits.findUsage(months.values());
        return Workspace.batch(workspaces, ids -> usage);
    }

    @SchemaMapping(typeName = "CreditUsage")
    CompletableFuture<List<DailyCreditUsage>> daily(CreditUsage usage, @Argument Integer days,
                                                    DataLoader<DailyKey, DailySeries> series) {
        int count = days == null ? 30 : days;
        if (count < 1 || count > MAX_DAYS) {
            throw new BadRequestException("days must be between 1 and " + MAX_DAYS);
        }
        var key = new DailyKey(usage.workspaceId(), usage.today().minusDays(count - 1L), usage.today());
        return series.load(key).thenApply(DailySeries::points);
    }

    /** The value type of the daily-series DataLoader. */
    record DailySeries(List<DailyCreditUsage> points) {
    }
}
