package com.subscriptionbff.demo.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.subscriptionbff.demo.stripe.StripeObjects.Item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.subscriptionbff.demo.stripe.StripeJson.invalid;

/**
 * Subscription schedules: a change that waits for the period end (a downgrade) is a schedule whose second phase
 * starts then; releasing it withdraws the change. The next phase is applied when the period ends ({@link
 * EmulatedRenewals}).
 */
final class EmulatedSchedules {

    private final StripeObjects objects;
    private final EmulatedEvents events;

    EmulatedSchedules(StripeObjects objects, EmulatedEvents events) {
        this.objects = objects;
        this.events = events;
    }

    JsonObject create(Map<String, String> params, Instant now) {
        String subscriptionId = params.get("from_subscription");
        JsonObject subscription = objects.subscription(subscriptionId);
        if (!subscription.get("schedule").isJsonNull()) {
            throw invalid("You cannot migrate a subscription that is already attached to a schedule.");
        }
        JsonObject schedule = StripeObjects.fixture("subscription_schedule");
        String id = objects.newId("sub_sched");
        schedule.addProperty("id", id);
        schedule.addProperty("subscription", subscriptionId);
        schedule.addProperty("customer", subscription.get("customer").getAsString());
        schedule.addProperty("status", "active");
        schedule.addProperty("end_behavior", "release");
        schedule.add("released_subscription", JsonNull.INSTANCE);
        JsonArray phases = new JsonArray();
        phases.add(phase(subscription.get("current_period_start_internal").getAsLong(),
                subscription.get("current_period_end_internal").getAsLong(), objects.items.get(subscriptionId)));
        schedule.add("phases", phases);
        schedule.add("current_phase", currentPhase(phases.get(0).getAsJsonObject()));
        objects.schedules.put(id, schedule);
        subscription.addProperty("schedule", id);
        events.emit("subscription_schedule.created", schedule, now);
        return schedule;
    }

    JsonObject update(String id, Map<String, String> params, Instant now) {
        JsonObject schedule = objects.schedule(id);
        JsonArray phases = new JsonArray();
        long previousEnd = 0;
        for (int index = 0; params.containsKey("phases[" + index + "][items][0][price]"); index++) {
            String at = "phases[" + index + "]";
            List<Item> phaseItems = new ArrayList<>();
            for (int item = 0; params.containsKey(at + "[items][" + item + "][price]"); item++) {
                String price = objects.price(params.get(at + "[items][" + item + "][price]")).id();
                phaseItems.add(new Item(null, price,
                        Long.parseLong(params.getOrDefault(at + "[items][" + item + "][quantity]", "1"))));
            }
            long start = params.containsKey(at + "[start_date]") ? Long.parseLong(params.get(at + "[start_date]"))
                    : previousEnd;
            long end = params.containsKey(at + "[end_date]") ? Long.parseLong(params.get(at + "[end_date]"))
                    : StripeObjects.plusInterval(Instant.ofEpochSecond(start),
                            params.get(at + "[duration][interval]")).getEpochSecond();
            phases.add(phase(start, end, phaseItems));
            previousEnd = end;
        }
        schedule.add("phases", phases);
        schedule.add("current_phase", currentPhase(phases.get(0).getAsJsonObject()));
        if (params.containsKey("end_behavior")) {
            schedule.addProperty("end_behavior", params.get("end_behavior"));
        }
        events.emit("subscription_schedule.updated", schedule, now);
        return schedule;
    }

    JsonObject release(String id, Instant now) {
        JsonObject schedule = objects.schedule(id);
        if (!schedule.get("status").getAsString().equals("active")) {
            throw invalid("You cannot release a subscription schedule that is currently in the `"
                    + schedule.get("status").getAsString() + "` status.");
        }
        String subscriptionId = schedule.get("subscription").getAsString();
        schedule.addProperty("status", "released");
        schedule.add("current_phase", JsonNull.INSTANCE);
        schedule.addProperty("released_subscription", subscriptionId);
        schedule.add("subscription", JsonNull.INSTANCE);
        objects.subscriptions.get(subscriptionId).add("schedule", JsonNull.INSTANCE);
        events.emit("subscription_schedule.released", schedule, now);
        return schedule;
    }

    /**
     * The period of a scheduled subscription ends at `start`: the phase starting then gives the subscription its items
     * and period end. A schedule without a phase after it is released, as end_behavior "release" does.
     */
    Instant enterPhase(JsonObject subscription, String subscriptionId, Instant start, Instant otherwiseEnd,
                       Instant now) {
        JsonObject schedule = objects.schedules.get(subscription.get("schedule").getAsString());
        for (JsonElement element : schedule.getAsJsonArray("phases")) {
            JsonObject phase = element.getAsJsonObject();
            if (phase.get("start_date").getAsLong() == start.getEpochSecond()) {
                List<Item> next = new ArrayList<>();
                for (JsonElement item : phase.getAsJsonArray("items")) {
                    next.add(new Item(objects.newId("si"), item.getAsJsonObject().get("price").getAsString(),
                            item.getAsJsonObject().get("quantity").getAsLong()));
                }
                objects.items.put(subscriptionId, next);
                schedule.add("current_phase", currentPhase(phase));
                events.emit("subscription_schedule.updated", schedule, now);
                return Instant.ofEpochSecond(phase.get("end_date").getAsLong());
            }
        }
        if (schedule.get("status").getAsString().equals("active")) {
            release(schedule.get("id").getAsString(), now);
        }
        return otherwiseEnd;
    }

    private static JsonObject currentPhase(JsonObject phase) {
        JsonObject current = new JsonObject();
        current.addProperty("start_date", phase.get("start_date").getAsLong());
        current.addProperty("end_date", phase.get("end_date").getAsLong());
        return current;
    }

    private static JsonObject phase(long start, long end, List<Item> phaseItems) {
        JsonObject phase = StripeObjects.fixture("subscription_schedule").getAsJsonArray("phases").get(0)
                .getAsJsonObject();
        phase.addProperty("start_date", start);
        phase.addProperty("end_date", end);
        JsonObject itemTemplate = phase.getAsJsonArray("items").get(0).getAsJsonObject();
        JsonArray list = new JsonArray();
        for (Item item : phaseItems) {
            JsonObject copy = itemTemplate.deepCopy();
            copy.addProperty("price", item.priceId());
            copy.addProperty("quantity", item.quantity());
            copy.remove("plan");
            list.add(copy);
        }
        phase.add("items", list);
        return phase;
    }
}
