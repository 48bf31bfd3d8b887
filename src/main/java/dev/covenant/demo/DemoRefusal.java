package dev.covenant.demo;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether demo mode may start: never beside a real GitHub App (its stand-in would answer for GitHub, and sign-in
 * would trust whatever name is typed), and only on a loopback address, so that nobody else can sign in as anyone.
 */
public final class DemoRefusal {

    /** The settings that make a real GitHub App, with the variables that set them. */
    public static final Map<String, String> APP_SETTINGS = Map.of(
            "covenant.github.app-id", "COVENANT_GITHUB_APP_ID",
            "covenant.github.app-private-key", "COVENANT_GITHUB_APP_PRIVATE_KEY",
            "covenant.github.client-id", "COVENANT_GITHUB_CLIENT_ID",
            "covenant.github.client-secret", "COVENANT_GITHUB_CLIENT_SECRET",
            "covenant.github.webhook-secret", "COVENANT_GITHUB_WEBHOOK_SECRET");

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private DemoRefusal() {
    }

    /**
     * Why demo mode must not start, or empty when it may.
     *
     * @param publicUrl the service's public URL ({@code COVENANT_PUBLIC_URL})
     * @param appSettings the GitHub App settings configured by the operator, by property name (blank counts as unset)
     */
    public static Optional<String> check(String publicUrl, Map<String, String> appSettings) {
        List<String> set = new ArrayList<>();
        APP_SETTINGS.forEach((property, variable) -> {
            String value = appSettings.get(property);
            if (value != null && !value.isBlank()) {
                set.add(variable);
            }
        });
        if (!set.isEmpty()) {
            set.sort(null);
            return Optional.of("Demo mode (COVENANT_DEMO=true) does not start beside a real GitHub App, and "
                    + String.join(", ", set) + (set.size() == 1 ? " is" : " are")
                    + " set. Unset " + (set.size() == 1 ? "it" : "them") + " to run the demo, or unset COVENANT_DEMO"
                    + " to run Covenant with the App.");
        }
        if (!loopback(publicUrl)) {
            return Optional.of("Demo mode (COVENANT_DEMO=true) runs only on this machine, and COVENANT_PUBLIC_URL ("
                    + publicUrl + ") is not a loopback address. Use http://localhost:<port>, http://127.0.0.1:<port>"
                    + " or http://[::1]:<port>.");
        }
        return Optional.empty();
    }

    /** localhost, 127.0.0.0/8 or ::1, as written: no name is looked up. */
    static boolean loopback(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        String host;
        try {
            host = new URI(url.strip()).getHost();
        } catch (URISyntaxException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.equals("localhost") || IPV4_LOOPBACK.matcher(host).matches() || host.equals("::1")
                || host.equals("0:0:0:0:0:0:0:1");
    }
}
