package com.subscriptionbff.invoices;

import com.subscriptionbff.common.BillingPeriod;
import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.common.Money;
import com.subscriptionbff.db.enums.InvoiceStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** A row of the Billing tab's invoice table. */
public record Invoice(UUID invoiceId, ZoneId zone, String number, Instant issuedAt, BillingPeriod period, Money total,
                      InvoiceStatus status, String pdfUrl, String hostedUrl) {

    public String id() {
        return GlobalId.of("Invoice", invoiceId);
    }

    public LocalDate date() {
        return LocalDate.ofInstant(issuedAt, zone);
    }

    public Download download() {
        return pdfUrl == null && hostedUrl == null ? null : new Download(pdfUrl, hostedUrl);
    }

    /** "Pay now": Stripe's hosted page of an open invoice; null otherwise. */
    public String payUrl() {
        return status == InvoiceStatus.OPEN ? hostedUrl : null;
    }

    public record Download(String pdfUrl, String hostedUrl) {
    }
}
