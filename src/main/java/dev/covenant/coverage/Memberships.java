package dev.covenant.coverage;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.covenant.github.GitHubDirectory;

/**
 * Organisation membership, which only GitHub knows and keeps no history of: asked once per organisation and login
 * for one question, and never while a database transaction is open (a slow GitHub must not hold a connection).
 */
@ApplicationScoped
public class Memberships {

    private final GitHubDirectory github;

    Memberships(GitHubDirectory github) {
        this.github = github;
    }

    /** For each login (lower-cased), the organisations among {@code orgs} GitHub says it belongs to now. */
    Map<String, Set<String>> of(Collection<String> orgs, Collection<String> logins) {
        Map<String, Set<String>> memberOf = new HashMap<>();
        if (orgs.isEmpty() || logins.isEmpty()) {
            return memberOf;
        }
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException("organisation membership is asked of GitHub inside a database"
                    + " transaction; read the facts, close the transaction, then ask");
        }
        for (String login : logins) {
            String key = login.toLowerCase(Locale.ROOT);
            if (memberOf.containsKey(key)) {
                continue;
            }
            Set<String> member = new HashSet<>();
            for (String org : orgs) {
                if (github.isMember(org, login)) {
                    member.add(org);
                }
            }
            memberOf.put(key, member);
        }
        return memberOf;
    }

    static Set<String> of(Map<String, Set<String>> memberOf, String login) {
        return login == null ? Set.of() : memberOf.getOrDefault(login.toLowerCase(Locale.ROOT), Set.of());
    }
}
