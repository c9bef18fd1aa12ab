package com.subscriptionbff.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Price;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.ProductCreateParams;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * The catalog's products and prices in the Stripe account, found again by their ids and lookup keys so that
 * creating them twice creates nothing new. Calls go through {@link StripeGateway}'s error handling.
 */
@Component
public class StripeCatalog {

    /** A price as the account holds it. */
    public record StripePrice(String id, long unitAmount, String currency, String interval) {
    }

    private final StripeClient client;
    private final StripeGateway gateway;

    StripeCatalog(StripeClient client, StripeGateway gateway) {
        this.client = client;
        this.gateway = gateway;
    }

    /** Creates the product unless the account has one of that id; true when it was created. */
    public boolean ensureProduct(String id, String name) {
        return gateway.call("create the product " + id, () -> {
            try {
                client.products().retrieve(id);
                return false;
            } catch (InvalidRequestException e) {
                if (!"resource_missing".equals(e.getCode())) {
                    throw e;
                }
            }
            client.products().create(ProductCreateParams.builder().setId(id).setName(name).build(),
                    StripeGateway.key("bff-product-" + id));
            return true;
        });
    }

    /** The active price holding the lookup key, if any. */
    public Optional<StripePrice> priceByLookupKey(String lookupKey) {
        return gateway.call("find the price " + lookupKey, () -> client.prices().list(PriceListParams.builder()
                        .addLookupKey(lookupKey).setActive(true).build()).getData().stream().findFirst()
                .map(StripeCatalog::price));
    }

    /** A new price of the product that takes the lookup key over (from an older price of another amount). */
    public StripePrice createPrice(String productId, String lookupKey, long unitAmount, String currency,
                                   String interval) {
        var params = PriceCreateParams.builder().setProduct(productId).setUnitAmount(unitAmount)
                .setCurrency(currency.toLowerCase(Locale.ROOT)).setLookupKey(lookupKey).setTransferLookupKey(true);
        if (interval != null) {
            params.setRecurring(PriceCreateParams.Recurring.builder()
                    .setInterval(PriceCreateParams.Recurring.Interval.valueOf(interval.toUpperCase(Locale.ROOT)))
                    .build());
        }
        return gateway.call("create the price " + lookupKey, () -> price(client.prices().create(params.build())));
    }

    private static StripePrice price(Price price) {
        return new StripePrice(price.getId(), price.getUnitAmount(), price.getCurrency(),
                price.getRecurring() == null ? null : price.getRecurring().getInterval());
    }
}
