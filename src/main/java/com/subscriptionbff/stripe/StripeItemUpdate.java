package com.subscriptionbff.stripe;

/**
 * One item parameter of a subscription update or invoice preview: an existing item (`itemId`) gets a new price
 * and/or quantity or is deleted; without `itemId` a new item is added. A null price or quantity is left as it is.
 */
public record StripeItemUpdate(String itemId, String priceId, Long quantity, boolean deleted) {
}
