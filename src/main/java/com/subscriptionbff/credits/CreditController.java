package com.subscriptionbff.credits;

import com.subscriptionbff.common.BadRequestException;
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
}
