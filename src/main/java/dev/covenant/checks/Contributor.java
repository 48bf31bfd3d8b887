package dev.covenant.checks;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Someone a pull request needs covered: a GitHub account ({@code githubId} and/or {@code login}), or, when no
 * account is known, an e-mail address. {@code emails} are every address (lower-cased) they appeared with,
 * {@code shas} the commits they appear in, both in first-appearance order.
 */
public record Contributor(Kind kind, Long githubId, String login, String email, List<String> emails, List<String> shas,
        Set<Role> roles, String displayName) {

    public enum Kind {
        ACCOUNT, EMAIL_ONLY
    }

    public enum Role {
        AUTHOR, CO_AUTHOR, COMMITTER
    }

    public Contributor {
        if (kind == Kind.ACCOUNT && githubId == null && login == null) {
            throw new IllegalArgumentException("an account contributor needs a GitHub id or login");
        }
        if (kind == Kind.EMAIL_ONLY && (email == null || githubId != null || login != null)) {
            throw new IllegalArgumentException("an e-mail-only contributor has an e-mail address and no account");
        }
        emails = List.copyOf(emails);
        shas = List.copyOf(shas);
        roles = Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** How a person recognises themselves: {@code @login}, else the account id, else the address. */
    public String handle() {
        return handle(githubId, login, email);
    }

    static String handle(Long githubId, String login, String email) {
        if (login != null) {
            return "@" + login;
        }
        return githubId != null ? "GitHub user " + githubId : email;
    }
}
