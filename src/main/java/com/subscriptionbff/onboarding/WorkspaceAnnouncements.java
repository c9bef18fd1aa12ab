package com.subscriptionbff.onboarding;

import com.subscriptionbff.stripe.StripeGateway;
import com.subscriptionbff.stripe.StripeSubscriptionState;
import com.subscriptionbff.stripe.StripeSubscriptionSync;
import com.subscriptionbff.stripe.StripeCustomers;
import com.subscriptionbff.stripe.StripeTrials;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * A new workspace starts on a free trial, without a card. Three steps, each stored before the next, so that a retry
 * after any failure resumes where it stopped and nothing is ever made twice: the workspace with its owner (one
 * transaction), the Stripe customer (its id stored on the workspace), the trialing subscription (written into the
 * read model through the sync the webhooks use). Stripe's writes carry keys derived from the workspace id.
 */
@Service
class WorkspaceAnnouncements {

    /** The answer, and whether this call completed the workspace's start (false: it was complete already). */
    record Outcome(Announced announced, boolean completedNow) {
    }

    private final AnnouncementRepository repository;
    private final StripeTrials trials;
    private final StripeCustomers customers;
    private final StripeGateway gateway;
    private final StripeSubscriptionSync subscriptions;
    private final TransactionTemplate transactions;
    private final TrialSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    WorkspaceAnnouncements(AnnouncementRepository repository, StripeTrials trials, StripeCustomers customers,
                           StripeGateway gateway, StripeSubscriptionSync subscriptions,
                           TransactionTemplate transactions, TrialSettings settings, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.customers = customers;
        this.trials = trials;
        this.gateway = gateway;
        this.subscriptions = subscriptions;
        this.transactions = transactions;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    Outcome announce(Announcement announcement, String announcedBy) {
        // what this deployment cannot do is refused before anything is written
        if (!gateway.configured()) {
            throw AnnouncementRefusal.notConfigured("Stripe is not configured on this service (STRIPE_SECRET_KEY): "
                    + "cannot start a trial; nothing was written");
        }
        String price = repository.monthlyPriceOf(settings.plan()).orElseThrow(() ->
                AnnouncementRefusal.notConfigured("the trial's plan (bff.trial.plan=" + settings.plan() + ") is not "
                        + "in the catalog or has no Stripe monthly price; nothing was written"));
        var progress = repository.store(announcement, fingerprint(announcement), announcedBy, clock.instant());
        if (progress.subscribed()) {
            return new Outcome(repository.announced(announcement.workspaceId()), false);
        }
        String customer = progress.customerId();
        if (customer == null) {
            customer = trials.createCustomer(announcement.workspaceId(), announcement.name(),
                    announcement.owner().email());
            customers.attach(announcement.workspaceId(), customer);
        }
        StripeSubscriptionState trial = trials.startTrial(customer, announcement.workspaceId(), price,
                settings.days());
        transactions.executeWithoutResult(status -> subscriptions.record(trial, clock.instant()));
        return new Outcome(repository.announced(announcement.workspaceId()), true);
    }

    /** The SHA-256 of the announcement's JSON: equal for a replay, different for other content. */
    private String fingerprint(Announcement announcement) {
        return DigestUtils.sha256Hex(json.writeValueAsString(announcement));
    }
}
