package com.subscriptionbff.overview;

import com.subscriptionbff.credits.CreditUsage;
import com.subscriptionbff.payment.PaymentMethod;
import com.subscriptionbff.seats.SeatUsage;
import com.subscriptionbff.subscription.Subscription;

/** What the Overview tab reads once per workspace; subscription and card are null when there is none. */
record Overview(Subscription subscription, PaymentMethod paymentMethod, SeatUsage seats, CreditUsage credits) {
}
