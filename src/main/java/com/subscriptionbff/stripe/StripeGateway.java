package com.subscriptionbff.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionSchedule;
import com.stripe.net.RequestOptions;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionScheduleCreateParams;
import com.stripe.param.SubscriptionScheduleReleaseParams;
import com.stripe.param.SubscriptionScheduleUpdateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.common.EmptyParam;
import com.subscriptionbff.common.NotConfiguredException;
import com.subscriptionbff.common.UnavailableException;
import com.subscriptionbff.common.UserError;
import com.subscriptionbff.db.enums.CancellationReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Every call this service makes to Stripe, and nothing else: it takes Stripe's ids (prices, items, customers) and
 * answers Stripe's objects. Writes carry the caller's idempotency key, so a mutation retried with the same key changes
 * and charges once. Stripe's refusals become {@link StripeRefusal} (a user error); no answer, a 429 or a 5xx become
 * {@link UnavailableException} (retryable, outcome unknown).
 */
@Component
public class StripeGateway {

    private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

    /** The metadata key, on a customer, a subscription or a Checkout session, of the workspace it bills. */
    static final String WORKSPACE_METADATA = "workspace_id";

    private final StripeConnectionDetails connection;
    private final StripeClient client;

    StripeGateway(StripeConnectionDetails connection, StripeClient client) {
        this.connection = connection;
        this.client = client;
    }

    /** Whether there is a Stripe to talk to (a secret key is set). */
    public boolean configured() {
        return connection.configured();
    }

    /** What a change that would need Stripe answers when it is not configured (NOT_CONFIGURED, not retryable). */
    public static NotConfiguredException notConfigured(String what) {
        return new NotConfiguredException("Stripe is not configured on this service (STRIPE_SECRET_KEY): cannot "
                + what);
    }

    /** The subscription as Stripe holds it now. */
    public StripeSubscriptionState subscription(String subscriptionId) {
        return new StripeSubscriptionState(retrieve(subscriptionId), null);
    }

    /** What updating the items would invoice now, prorated as of `prorationDate`, computed by Stripe. */
    public StripePreview previewInvoice(String customerId, String subscriptionId, List<StripeItemUpdate> items,
                                        Instant prorationDate) {
        var details = InvoiceCreatePreviewParams.SubscriptionDetails.builder()
                .setProrationBehavior(InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior.ALWAYS_INVOICE)
                .setProrationDate(prorationDate.getEpochSecond());
        for (StripeItemUpdate item : items) {
            details.addItem(InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder()
                    .setId(item.itemId()).setPrice(item.priceId()).setQuantity(item.quantity())
                    .setDeleted(item.deleted() ? true : null).build());
        }
        var params = InvoiceCreatePreviewParams.builder().setCustomer(customerId).setSubscription(subscriptionId)
                .setSubscriptionDetails(details.build()).build();
        return call("preview the change", () -> {
            Invoice preview = client.invoices().createPreview(params);
            List<StripePreview.Line> lines = preview.getLines() == null ? List.of()
                    : preview.getLines().getData().stream()
                    .map(line -> new StripePreview.Line(line.getDescription(), line.getAmount())).toList();
            return new StripePreview(preview.getAmountDue(), preview.getTotal(), preview.getCurrency(), lines);
        });
    }

    /**
     * Updates the subscription's items now, prorated as of `prorationDate` and invoiced at once; the card is charged
     * during the call and a declined card refuses the whole change (payment_behavior=error_if_incomplete).
     */
    public StripeSubscriptionState updateItems(String subscriptionId, List<StripeItemUpdate> items,
                                               Instant prorationDate, String idempotencyKey) {
        var params = SubscriptionUpdateParams.builder()
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
                .setProrationDate(prorationDate.getEpochSecond())
                .setPaymentBehavior(SubscriptionUpdateParams.PaymentBehavior.ERROR_IF_INCOMPLETE);
        for (StripeItemUpdate item : items) {
            params.addItem(SubscriptionUpdateParams.Item.builder()
                    .setId(item.itemId()).setPrice(item.priceId()).setQuantity(item.quantity())
                    .setDeleted(item.deleted() ? true : null).build());
        }
        return call("change the subscription", () -> new StripeSubscriptionState(
                client.subscriptions().update(subscriptionId, params.build(), key(idempotencyKey)), null));
    }

    /** Cancels at the end of the paid period, with the reason as Stripe's cancellation feedback. */
    public StripeSubscriptionState cancelAtPeriodEnd(String subscriptionId, CancellationReason reason, String comment,
                                                     String idempotencyKey) {
        var details = SubscriptionUpdateParams.CancellationDetails.builder()
                .setFeedback(StripeCancellationReasons.feedbackOf(reason));
        if (comment != null) {
            details.setComment(comment);
        }
        var params = SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true)
                .setCancellationDetails(details.build()).build();
        return call("cancel the subscription", () -> new StripeSubscriptionState(
                client.subscriptions().update(subscriptionId, params, key(idempotencyKey)), null));
    }

    /** Renews again: the cancellation and its details are cleared. */
    public StripeSubscriptionState reactivate(String subscriptionId, String idempotencyKey) {
        var params = SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(false)
                .setCancellationDetails(SubscriptionUpdateParams.CancellationDetails.builder()
                        .setFeedback(EmptyParam.EMPTY).setComment(EmptyParam.EMPTY).build())
                .build();
        return call("reactivate the subscription", () -> new StripeSubscriptionState(
                client.subscriptions().update(subscriptionId, params, key(idempotencyKey)), null));
    }

    /**
     * Gives the subscription a schedule (the one it has, or a new one made from it) of two phases, `now` then `next`,
     * released at its end; answers the subscription and the schedule as Stripe holds them then.
     */
    public StripeSubscriptionState schedule(String subscriptionId, String scheduleId, StripePhase now,
                                            StripePhase next, String idempotencyKey) {
        var params = SubscriptionScheduleUpdateParams.builder()
                .setEndBehavior(SubscriptionScheduleUpdateParams.EndBehavior.RELEASE)
                .setProrationBehavior(SubscriptionScheduleUpdateParams.ProrationBehavior.NONE)
                .addPhase(StripePhases.of(now)).addPhase(StripePhases.of(next)).build();
        return call("schedule the change", () -> {
            String id = scheduleId != null ? scheduleId : client.subscriptionSchedules().create(
                    SubscriptionScheduleCreateParams.builder().setFromSubscription(subscriptionId).build(),
                    key(idempotencyKey + ":schedule")).getId();
            SubscriptionSchedule schedule = client.subscriptionSchedules().update(id, params,
                    key(idempotencyKey + ":phases"));
            return new StripeSubscriptionState(retrieve(subscriptionId), schedule);
        });
    }

    /** Releases a schedule: the subscription keeps what it has now and renews as it is. */
    public void releaseSchedule(String scheduleId, String idempotencyKey) {
        call("withdraw the scheduled change", () -> client.subscriptionSchedules().release(scheduleId,
                SubscriptionScheduleReleaseParams.builder().build(), key(idempotencyKey)));
    }

    // ---- reads, for the webhook handler and the reconciler (never on a query's path) ----------------------------

    PaymentMethod paymentMethod(String id) {
        return call("read the payment method", () -> client.paymentMethods().retrieve(id));
    }

    SubscriptionSchedule schedule(String id) {
        return call("read the subscription schedule", () -> client.subscriptionSchedules().retrieve(id));
    }

    /** The customer's newest invoices, the Billing tab's first pages. */
    List<Invoice> recentInvoices(String customerId, long limit) {
        return call("read the invoices", () -> client.invoices().list(
                InvoiceListParams.builder().setCustomer(customerId).setLimit(limit).build()).getData());
    }

    Customer customer(String id) {
        return call("read the customer", () -> client.customers().retrieve(id));
    }

    private Subscription retrieve(String subscriptionId) {
        return call("read the subscription", () -> client.subscriptions().retrieve(subscriptionId));
    }

    /** A write's options: the caller's idempotency key, so that Stripe applies a retried write once. */
    static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    interface StripeCall<T> {
        T run() throws StripeException;
    }

    <T> T call(String what, StripeCall<T> call) {
        if (!connection.configured()) {
            throw notConfigured(what);
        }
        try {
            return call.run();
        } catch (CardException e) {
            throw new StripeRefusal(UserError.Code.PAYMENT_FAILED, stripeMessage(e));
        } catch (IdempotencyException e) {
            throw new StripeRefusal(UserError.Code.IDEMPOTENCY_KEY_REUSED,
                    "this idempotencyKey was already used for a different change; use a new key for a new change");
        } catch (RateLimitException e) {
            throw new UnavailableException("Stripe is busy: try again with the same idempotencyKey", e);
        } catch (InvalidRequestException e) {
            log.warn("Stripe refused to {}: {}", what, e.getMessage());
            throw new StripeRefusal(UserError.Code.REFUSED_BY_STRIPE, stripeMessage(e));
        } catch (ApiConnectionException e) {
            throw new UnavailableException("Stripe did not answer in time: try again with the same idempotencyKey", e);
        } catch (StripeException e) {
            log.warn("Stripe failed to {}: {}", what, e.getMessage());
            throw new UnavailableException("Stripe failed: try again with the same idempotencyKey", e);
        }
    }

    private static String stripeMessage(StripeException e) {
        return e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage() : e.getMessage();
    }
}
