package com.subscriptionbff.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The pages Stripe may send a user back to: the front end supplies the URL, and it must start with one of the
 * configured prefixes (scheme, host and port exact, path by prefix), so that a forged link cannot turn Stripe's
 * pages into an open redirect.
 */
@Component
public class ReturnUrls {

    private final List<URI> allowed;

    ReturnUrls(@Value("${bff.return-urls.allowed:http://localhost:3000/}") List<String> allowed) {
        this.allowed = allowed.stream().map(String::strip).filter(prefix -> !prefix.isEmpty()).map(URI::create).toList();
    }

    /** The user error for `input.returnUrl` when Stripe may not send users there. */
    public java.util.Optional<UserError> refusal(String url) {
        return isAllowed(url) ? java.util.Optional.empty() : java.util.Optional.of(UserError.of(
                UserError.Code.RETURN_URL_NOT_ALLOWED, "returnUrl is not one of this service's allowed pages",
                "input", "returnUrl"));
    }

    boolean isAllowed(String url) {
        if (url == null || url.length() > 2000) {
            return false;
        }
        URI candidate;
        try {
            candidate = new URI(url).normalize();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        if (!candidate.isAbsolute() || candidate.getHost() == null || candidate.getRawUserInfo() != null) {
            return false;
        }
        String rawPath = candidate.getRawPath() == null ? "" : candidate.getRawPath().toLowerCase(Locale.ROOT);
        if (rawPath.contains("%2e") || rawPath.contains("%2f") || rawPath.contains("%5c") || rawPath.contains("\\")) {
            return false; // encoded dots or slashes that a browser would resolve after this check
        }
        return allowed.stream().anyMatch(prefix ->
                prefix.getScheme().equalsIgnoreCase(candidate.getScheme())
                        && prefix.getHost().toLowerCase(Locale.ROOT).equals(candidate.getHost().toLowerCase(Locale.ROOT))
                        && prefix.getPort() == candidate.getPort()
                        && candidate.getRawPath() != null
                        && candidate.getRawPath().startsWith(prefix.getRawPath() == null ? "" : prefix.getRawPath()));
    }
}
