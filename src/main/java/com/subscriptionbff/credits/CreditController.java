package com.subscriptionbff.credits;

import com.subscriptionbff.common.BadRequestException;
import com.subscriptionbff.credits.CreditColumns.MonthKey;
import com.subscriptionbff.graphql.SizingArgument;
import org.dataloader.DataLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CompletableFuture;

@Controller
class CreditController {

    CreditController(CreditRepository credits, BatchLoaderRegistry loaders) {
        loaders.forTypePair(MonthKey.class, CreditChart.class).registerMappedBatchLoader((months, env) ->
                Mono.fromSupplier(() -> credits.findCharts(List.copyOf(months))));
    }

    /** The last `days` days of the chart: the charts of all the request's workspaces cost one statement. */
    @SchemaMapping(typeName = "CreditUsage")
    CompletableFuture<List<DailyCreditUsage>> daily(CreditUsage usage, @Argument Integer days,
                                                    DataLoader<MonthKey, CreditChart> charts) {
        int count = days == null ? 30 : days;
        if (count < 1 || count > CreditUsage.MAX_CHART_DAYS) {
            throw new BadRequestException("days must be between 1 and " + CreditUsage.MAX_CHART_DAYS);
        }
        return charts.load(new MonthKey(usage.workspaceId(), usage.zone(), usage.today()))
                .thenApply(chart -> chart.lastDays(count));
    }

    /** The chart's number of days weighs its selection in the query's complexity, with the same bounds. */
    @Configuration(proxyBeanMethods = false)
    static class ChartSize {

        @Bean
        SizingArgument chartDays() {
            return new SizingArgument("days", 1, CreditUsage.MAX_CHART_DAYS);
        }
    }
}
