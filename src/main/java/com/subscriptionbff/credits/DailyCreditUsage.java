package com.subscriptionbff.credits;

import java.time.LocalDate;

/** One point of the daily chart: a calendar day in the workspace's time zone. */
public record DailyCreditUsage(LocalDate date, long credits) {
}
