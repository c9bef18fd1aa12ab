package com.subscriptionbff.demo.stripe;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The two hosted pages of demo mode, as small as Stripe's are large: Checkout (pay with a test card that succeeds,
 * or one that is declined) and the billing portal (save a new default card). Each completes its session (the events
 * follow) and sends the browser back to the front end's URL.
 */
final class EmulatorPages {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;"
            + "color:#1a1f36}h1{font-size:1.3rem}.amount{font-size:2rem;margin:.5rem 0 1.5rem}label{display:block;"
            + "margin:.8rem 0 .3rem}input{width:100%;padding:.5rem;box-sizing:border-box}button{margin-top:1rem;"
            + "width:100%;padding:.7rem;background:#635bff;color:#fff;border:0;border-radius:6px;font-size:1rem}"
            + ".error{color:#df1b41}.hint{color:#697386;font-size:.85rem}a{color:#635bff}";

    private static final String CARDS_HINT = "<p class=hint>Test cards: 4242 4242 4242 4242 (Visa, succeeds), "
            + "5555 5555 5555 4444 (Mastercard), 4000 0000 0000 0002 (declined), 4000 0000 0000 0341 (saved, but "
            + "later charges fail).</p>";

    private final StripeEmulator emulator;

    EmulatorPages(StripeEmulator emulator) {
        this.emulator = emulator;
    }

    void checkout(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = lastSegment(exchange);
            if (exchange.getRequestMethod().equals("POST")) {
                Map<String, String> form = form(exchange);
                try {
                    String next = emulator.onPages((sessions, now) -> "cancel".equals(form.get("action"))
                            ? sessions.cancelUrl(id) : sessions.pay(id, form.get("card"), now));
                    redirect(exchange, next);
                } catch (StripeJson.Refused refused) {
                    page(exchange, refused.status, checkoutPage(id, message(refused)));
                }
                return;
            }
            page(exchange, 200, checkoutPage(id, null));
        } catch (StripeJson.Refused refused) {
            page(exchange, refused.status, "<h1>" + escape(message(refused)) + "</h1>");
        }
    }

    void portal(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = lastSegment(exchange);
            if (exchange.getRequestMethod().equals("POST")) {
                Map<String, String> form = form(exchange);
                try {
                    String next = emulator.onPages((sessions, now) -> sessions.saveCard(id, form.get("card"),
                            number(form.get("exp_month"), 12), number(form.get("exp_year"), 2030), now));
                    redirect(exchange, next);
                } catch (StripeJson.Refused refused) {
                    page(exchange, refused.status, portalPage(id, message(refused)));
                }
                return;
            }
            page(exchange, 200, portalPage(id, null));
        } catch (StripeJson.Refused refused) {
            page(exchange, refused.status, "<h1>" + escape(message(refused)) + "</h1>");
        }
    }

    private String checkoutPage(String id, String error) {
        JsonObject session = emulator.onPages((sessions, now) -> sessions.checkout(id).deepCopy());
        String amount = String.format(Locale.ROOT, "%.2f %s", session.get("amount_total").getAsLong() / 100.0,
                session.get("currency").getAsString().toUpperCase(Locale.ROOT));
        if (!session.get("status").getAsString().equals("open")) {
            return "<h1>This Checkout Session is no longer active.</h1>";
        }
        return "<h1>Pay (Stripe emulator, test mode)</h1><div class=amount>" + escape(amount) + "</div>"
                + (error == null ? "" : "<p class=error role=alert>" + escape(error) + "</p>")
                + "<form method=post><label for=card>Card number</label>"
                + "<input id=card name=card value='4242 4242 4242 4242' autocomplete=off>"
                + "<button name=action value=pay>Pay " + escape(amount) + "</button></form>"
                + "<form method=post><button name=action value=cancel style='background:#fff;color:#635bff'>"
                + "Back without paying</button></form>" + CARDS_HINT;
    }

    private String portalPage(String id, String error) {
        JsonObject session = emulator.onPages((sessions, now) -> sessions.portal(id).deepCopy());
        return "<h1>Payment method (Stripe emulator, test mode)</h1>"
                + "<p>Customer " + escape(session.get("customer").getAsString()) + "</p>"
                + (error == null ? "" : "<p class=error role=alert>" + escape(error) + "</p>")
                + "<form method=post><label for=card>Card number</label>"
                + "<input id=card name=card value='5555 5555 5555 4444' autocomplete=off>"
                + "<label for=exp_month>Expiry month</label><input id=exp_month name=exp_month value=12>"
                + "<label for=exp_year>Expiry year</label><input id=exp_year name=exp_year value=2031>"
                + "<button>Save card</button></form><p><a href='"
                + escape(session.get("return_url").getAsString()) + "'>Back without saving</a></p>" + CARDS_HINT;
    }

    private static String message(StripeJson.Refused refused) {
        return com.google.gson.JsonParser.parseString(refused.body).getAsJsonObject().getAsJsonObject("error")
                .get("message").getAsString();
    }

    private static long number(String value, long otherwise) {
        try {
            return value == null ? otherwise : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String lastSegment(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        return StripeJson.form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
    }

    private static void page(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = ("<!doctype html><html lang=en><meta charset=utf-8><title>Stripe emulator</title><style>"
                + STYLE + "</style><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
