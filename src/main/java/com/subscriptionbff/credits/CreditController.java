package com.subscriptionbff.credits;

import com.subscriptionbff.common.BadRequestException;
import com.subscriptionbff.graphql.SizingArgument;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;

@Controller
class CreditController {

    /** The last `days` days of the chart, loaded with the month (overview/OverviewController). */
    @SchemaMapping(typeName = "CreditUsage")
    List<DailyCreditUsage> daily(CreditUsage usage, @Argument Integer days) {
        int count = days == null ? 30 : days;
        if (count < 1 || count > CreditUsage.MAX_CHART_DAYS) {
            throw new BadRequestException("days must be between 1 and " + CreditUsage.MAX_CHART_DAYS);
        }
        return usage.lastDays(count);
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
