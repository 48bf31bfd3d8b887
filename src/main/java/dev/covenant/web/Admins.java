package dev.covenant.web;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The logins of {@code COVENANT_ADMINS}. A person is an admin by the login GitHub reported when they last signed
 * in: an account renamed on GitHub keeps the role until it signs in again, and a new account that takes a listed
 * login gets it only by signing in here under that login.
 */
@ApplicationScoped
public class Admins {

    private final Set<String> logins;

    Admins(AdminsConfig config) {
        this.logins = config.admins().orElse(java.util.List.of()).stream().map(String::strip)
                .filter(l -> !l.isEmpty()).map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether this login is listed, whatever its case. */
    public boolean listed(String login) {
        return login != null && !login.isBlank() && logins.contains(login.strip().toLowerCase(Locale.ROOT));
    }
}
