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
import com.stripe.model.SubscriptionItem;
import com.stripe.model.SubscriptionSchedule;
import com.stripe.net.RequestOptions;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.SubscriptionScheduleCreateParams;
import com.stripe.param.SubscriptionScheduleReleaseParams;
import com.stripe.param.SubscriptionScheduleUpdateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.billingportal.SessionCreateParams;
import com.stripe.param.common.EmptyParam;
import com.subscriptionbff.common.UnavailableException;
import com.subscriptionbff.common.UserError;
import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.CancellationReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every call this service makes to Stripe. Writes carry the caller's idempotency key, so a mutation retried with the
 * same key changes and charges once. Stripe's refusals become {@link StripeRefusal} (a user error); no answer, a 429
 * or a 5xx become {@link UnavailableException} (retryable, outcome unknown). Nothing here writes PostgreSQL except
 * {@link #record}, which the caller runs inside its own transaction.
 */
@Component
public class StripeGateway {

    private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

    private final StripeSettings settings;
    private final StripeClient client;
    private final StripePrices prices;
    private final StripeSubscriptionSync subscriptions;
    private final StripeCustomers customers;

    StripeGateway(StripeSettings settings, StripePrices prices, StripeSubscriptionSync subscriptions,
                  StripeCustomers customers) {
        this.customers = customers;
        this.settings = settings;
        this.prices = prices;
        this.subscriptions = subscriptions;
        this.client = StripeClient.builder()
                .setApiKey(settings.configured() ? settings.secretKey() : "sk_not_configured")
                .setApiBase(settings.apiBase())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReadTimeout((int) settings.readTimeout().toMillis())
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .build();
    }

    /** Throws UNAVAILABLE before anything is marked or checked when there is no Stripe to talk to. */
    public void requireConfigured() {
        if (!settings.configured()) {
            throw new UnavailableException("Stripe is not configured here (bff.stripe.secret-key)", null);
        }
    }

    /** What the change would invoice now, prorated as of `prorationDate`, computed by Stripe. */
    public StripePreview previewChange(UUID workspaceId, String subscriptionId, StripePlanTerms terms,
                                       Instant prorationDate) {
        String customerId = customers.customerOf(workspaceId);
        List<StripeItem> wanted = prices.itemsFor(terms);
        return call("preview the change", () -> {
            Subscription current = client.subscriptions().retrieve(subscriptionId);
            var details = InvoiceCreatePreviewParams.SubscriptionDetails.builder()
                    .setProrationBehavior(InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior.ALWAYS_INVOICE)
                    .setProrationDate(prorationDate.getEpochSecond());
            for (ItemChange change : changes(current, wanted)) {
                details.addItem(InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder()
                        .setId(change.itemId()).setPrice(change.priceId()).setQuantity(change.quantity())
                        .setDeleted(change.deleted() ? true : null).build());
            }
            Invoice preview = client.invoices().createPreview(InvoiceCreatePreviewParams.builder()
                    .setCustomer(customerId).setSubscription(subscriptionId)
                    .setSubscriptionDetails(details.build()).build());
            List<StripePreview.Line> lines = preview.getLines() == null ? List.of()
                    : preview.getLines().getData().stream()
                    .map(line -> new StripePreview.Line(line.getDescription(), line.getAmount())).toList();
            return new StripePreview(preview.getAmountDue(), preview.getTotal(), preview.getCurrency(), lines);
        });
    }

    /**
     * Sets the subscription's items now, prorated as of `prorationDate` and invoiced at once; the card is charged
     * during the call and a declined card refuses the whole change (payment_behavior=error_if_incomplete).
     */
    public StripeSubscriptionState changeItems(String subscriptionId, StripePlanTerms terms, Instant prorationDate,
                                               String idempotencyKey) {
        List<StripeItem> wanted = prices.itemsFor(terms);
        return call("change the subscription", () -> {
            Subscription current = client.subscriptions().retrieve(subscriptionId);
            List<ItemChange> changes = changes(current, wanted);
            if (changes.stream().allMatch(ItemChange::keeps)) {
                // Stripe has it already: a retry of a change whose answer never reached us. Sending the items again
                // would differ from the first request (the new items have ids now) and be refused as another change.
                return new StripeSubscriptionState(current, null);
            }
            releaseSchedule(current, idempotencyKey);
            var params = SubscriptionUpdateParams.builder()
                    .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
                    .setProrationDate(prorationDate.getEpochSecond())
                    .setPaymentBehavior(SubscriptionUpdateParams.PaymentBehavior.ERROR_IF_INCOMPLETE);
            for (ItemChange change : changes) {
                params.addItem(SubscriptionUpdateParams.Item.builder()
                        .setId(change.itemId()).setPrice(change.priceId()).setQuantity(change.quantity())
                        .setDeleted(change.deleted() ? true : null).build());
            }
            Subscription updated = client.subscriptions().update(subscriptionId, params.build(), key(idempotencyKey));
            return new StripeSubscriptionState(updated, null);
        });
    }

    /** Cancels at the end of the paid period, with the reason as Stripe's cancellation feedback. */
    public StripeSubscriptionState cancelAtPeriodEnd(String subscriptionId, CancellationReason reason, String comment,
                                                     String idempotencyKey) {
        var details = SubscriptionUpdateParams.CancellationDetails.builder()
                .setFeedback(FEEDBACK.get(reason));
        if (comment != null) {
            details.setComment(comment);
        }
        var params = SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true)
                .setCancellationDetails(details.build()).build();
        return call("cancel the subscription", () -> {
            releaseSchedule(client.subscriptions().retrieve(subscriptionId), idempotencyKey);
            return new StripeSubscriptionState(
                    client.subscriptions().update(subscriptionId, params, key(idempotencyKey)), null);
        });
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
     * A change at the end of the current period (a downgrade): the subscription gets a schedule whose first phase is
     * what it has now until the period end, and whose second phase is the new items; the schedule then releases.
     */
    public StripeSubscriptionState scheduleAtPeriodEnd(String subscriptionId, StripePlanTerms terms,
                                                       String idempotencyKey) {
        List<StripeItem> next = prices.itemsFor(terms);
        BillingInterval nextInterval = terms.interval();
        return call("schedule the change", () -> {
            Subscription current = client.subscriptions().retrieve(subscriptionId);
            String scheduleId = current.getSchedule();
            if (scheduleId == null) {
                scheduleId = client.subscriptionSchedules().create(SubscriptionScheduleCreateParams.builder()
                        .setFromSubscription(subscriptionId).build(), key(idempotencyKey + ":schedule")).getId();
            }
            SubscriptionItem base = baseItem(current);
            var now = SubscriptionScheduleUpdateParams.Phase.builder()
                    .setStartDate(base.getCurrentPeriodStart()).setEndDate(base.getCurrentPeriodEnd());
            if (current.getTrialEnd() != null && current.getTrialEnd() > base.getCurrentPeriodStart()) {
                now.setTrialEnd(current.getTrialEnd()); // the phases replace the subscription's: keep its trial
            }
            for (SubscriptionItem item : current.getItems().getData()) {
                now.addItem(SubscriptionScheduleUpdateParams.Phase.Item.builder()
                        .setPrice(item.getPrice().getId()).setQuantity(item.getQuantity()).build());
            }
            var then = SubscriptionScheduleUpdateParams.Phase.builder()
                    .setDuration(SubscriptionScheduleUpdateParams.Phase.Duration.builder()
                            .setInterval(nextInterval == BillingInterval.YEAR
                                    ? SubscriptionScheduleUpdateParams.Phase.Duration.Interval.YEAR
                                    : SubscriptionScheduleUpdateParams.Phase.Duration.Interval.MONTH)
                            .setIntervalCount(1L).build());
            for (StripeItem item : next) {
                if (item.quantity() > 0) {
                    then.addItem(SubscriptionScheduleUpdateParams.Phase.Item.builder()
                            .setPrice(item.priceId()).setQuantity(item.quantity()).build());
                }
            }
            SubscriptionSchedule schedule = client.subscriptionSchedules().update(scheduleId,
                    SubscriptionScheduleUpdateParams.builder()
                            .setEndBehavior(SubscriptionScheduleUpdateParams.EndBehavior.RELEASE)
                            .setProrationBehavior(SubscriptionScheduleUpdateParams.ProrationBehavior.NONE)
                            .addPhase(now.build()).addPhase(then.build()).build(),
                    key(idempotencyKey + ":phases"));
            return new StripeSubscriptionState(client.subscriptions().retrieve(subscriptionId), schedule);
        });
    }

    /** Withdraws a scheduled change: the subscription keeps what it has and renews as it is. */
    public StripeSubscriptionState releaseSchedule(String subscriptionId, String scheduleId, String idempotencyKey) {
        return call("withdraw the scheduled change", () -> {
            client.subscriptionSchedules().release(scheduleId, SubscriptionScheduleReleaseParams.builder().build(),
                    key(idempotencyKey));
            return new StripeSubscriptionState(client.subscriptions().retrieve(subscriptionId), null);
        });
    }

    /** A Stripe-hosted page where the customer replaces their payment method, then returns to `returnUrl`. */
    public String paymentMethodUpdateUrl(UUID workspaceId, String returnUrl, String idempotencyKey) {
        var params = SessionCreateParams.builder().setCustomer(customers.customerOf(workspaceId)).setReturnUrl(returnUrl)
                .setFlowData(SessionCreateParams.FlowData.builder()
                        .setType(SessionCreateParams.FlowData.Type.PAYMENT_METHOD_UPDATE).build())
                .build();
        return call("open the payment page", () ->
                client.billingPortal().sessions().create(params, key(idempotencyKey)).getUrl());
    }

    /**
     * A Stripe Checkout page selling `millions` of the credit pack price once. The credits travel in the metadata,
     * which the checkout.session.completed webhook turns into a purchase.
     */
    public String creditsCheckoutUrl(UUID workspaceId, UUID planId, long millions, String successUrl,
                                     String cancelUrl, String idempotencyKey) {
        String creditPackPriceId = prices.creditPackPriceOf(planId);
        var params = com.stripe.param.checkout.SessionCreateParams.builder()
                .setMode(com.stripe.param.checkout.SessionCreateParams.Mode.PAYMENT)
                .setCustomer(customers.customerOf(workspaceId))
                .setClientReferenceId(workspaceId.toString())
                .addLineItem(com.stripe.param.checkout.SessionCreateParams.LineItem.builder()
                        .setPrice(creditPackPriceId).setQuantity(millions).build())
                .putMetadata(StripeCreditPurchaseSync.CREDITS_METADATA, Long.toString(millions * 1_000_000L))
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl)
                .build();
        return call("open the checkout page", () ->
                client.checkout().sessions().create(params, key(idempotencyKey)).getUrl());
    }

    // ---- reads, for the webhook handler and the reconciler (never on a query's path) ----------------------------

    PaymentMethod paymentMethod(String id) {
        return call("read the payment method", () -> client.paymentMethods().retrieve(id));
    }

    Subscription subscription(String id) {
        return call("read the subscription", () -> client.subscriptions().retrieve(id));
    }

    SubscriptionSchedule schedule(String id) {
        return call("read the subscription schedule", () -> client.subscriptionSchedules().retrieve(id));
    }

    /** The customer's newest invoices, the Billing tab's first pages. */
    List<Invoice> recentInvoices(String customerId, long limit) {
        return call("read the invoices", () -> client.invoices().list(
                com.stripe.param.InvoiceListParams.builder().setCustomer(customerId).setLimit(limit).build()).getData());
    }

    Customer customer(String id) {
        return call("read the customer", () -> client.customers().retrieve(id));
    }

    /** The subscription as Stripe holds it now, to be recorded. */
    public StripeSubscriptionState current(String subscriptionId) {
        return new StripeSubscriptionState(subscription(subscriptionId), null);
    }

    /** Writes Stripe's answer into the read model; call it inside the transaction that records the change. */
    public void record(StripeSubscriptionState state, Instant at) {
        subscriptions.applyChange(state.subscription, state.schedule, at);
    }

    /** A change now supersedes a change scheduled for later: the schedule is released first. */
    private void releaseSchedule(Subscription current, String idempotencyKey) throws StripeException {
        if (current.getSchedule() != null) {
            client.subscriptionSchedules().release(current.getSchedule(),
                    SubscriptionScheduleReleaseParams.builder().build(), key(idempotencyKey + ":release"));
        }
    }

    private record ItemChange(String itemId, String priceId, Long quantity, boolean deleted, boolean keeps) {
        ItemChange(String itemId, String priceId, Long quantity, boolean deleted) {
            this(itemId, priceId, quantity, deleted, false);
        }
    }

    /**
     * The item parameters that turn the subscription's items into the wanted ones: an item of the same role keeps its
     * id (a new price and quantity on it), an unwanted one is deleted, a new role is added.
     */
    private List<ItemChange> changes(Subscription current, List<StripeItem> wanted) {
        Map<StripeItem.Role, SubscriptionItem> existing = new EnumMap<>(StripeItem.Role.class);
        for (SubscriptionItem item : current.getItems().getData()) {
            StripeItem.Role role = prices.roleOf(item.getPrice().getId());
            if (role == null) {
                throw new IllegalStateException("subscription " + current.getId() + " has a price outside the catalog: "
                        + item.getPrice().getId());
            }
            existing.put(role, item);
        }
        List<ItemChange> changes = new ArrayList<>();
        for (StripeItem item : wanted) {
            SubscriptionItem present = existing.remove(item.role());
            if (item.quantity() <= 0) {
                if (present != null) {
                    changes.add(new ItemChange(present.getId(), null, null, true));
                }
            } else if (present == null) {
                changes.add(new ItemChange(null, item.priceId(), item.quantity(), false));
            } else {
                String price = item.priceId().equals(present.getPrice().getId()) ? null : item.priceId();
                changes.add(new ItemChange(present.getId(), price, item.quantity(), false,
                        price == null && item.quantity() == present.getQuantity()));
            }
        }
        existing.values().forEach(left -> changes.add(new ItemChange(left.getId(), null, null, true)));
        return changes;
    }

    private SubscriptionItem baseItem(Subscription subscription) {
        return subscription.getItems().getData().stream()
                .filter(item -> prices.roleOf(item.getPrice().getId()) == StripeItem.Role.PLAN)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("subscription " + subscription.getId() + " has no plan"));
    }

    private static final Map<CancellationReason, SubscriptionUpdateParams.CancellationDetails.Feedback> FEEDBACK =
            new EnumMap<>(Map.of(
                    CancellationReason.TOO_EXPENSIVE, SubscriptionUpdateParams.CancellationDetails.Feedback.TOO_EXPENSIVE,
                    CancellationReason.MISSING_FEATURES, SubscriptionUpdateParams.CancellationDetails.Feedback.MISSING_FEATURES,
                    CancellationReason.HARD_TO_USE, SubscriptionUpdateParams.CancellationDetails.Feedback.TOO_COMPLEX,
                    CancellationReason.TECHNICAL_PROBLEMS, SubscriptionUpdateParams.CancellationDetails.Feedback.LOW_QUALITY,
                    CancellationReason.UNSATISFYING_CUSTOMER_SERVICE,
                    SubscriptionUpdateParams.CancellationDetails.Feedback.CUSTOMER_SERVICE,
                    CancellationReason.NOT_ENOUGH_VALUE, SubscriptionUpdateParams.CancellationDetails.Feedback.UNUSED,
                    CancellationReason.CHANGING_NEEDS, SubscriptionUpdateParams.CancellationDetails.Feedback.SWITCHED_SERVICE,
                    CancellationReason.OTHER, SubscriptionUpdateParams.CancellationDetails.Feedback.OTHER));

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private <T> T call(String what, StripeCall<T> call) {
        if (!settings.configured()) {
            throw new UnavailableException("Stripe is not configured here (bff.stripe.secret-key): cannot " + what, null);
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
