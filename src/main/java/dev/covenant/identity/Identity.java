package dev.covenant.identity;

import java.util.List;

/**
 * Who a commit address stands for: a GitHub account (by id, and by login when known) or only the raw address.
 * {@code link} is the maintainer's link the identity comes from, if any. {@code emails} are the addresses that count
 * for company approvals: the commit's own and, for a person who signed
 * in, every address GitHub verified for them.
 */
public record Identity(String email, Long githubId, String login, Source source, List<String> emails,
        AddressLink link) {

    public enum Source {
        /** A signed-in person verified this address with GitHub, or by a code mailed there. */
        VERIFIED_EMAIL,
        /** A GitHub no-reply address, which names the account. */
        NO_REPLY,
        /** A maintainer linked the address to a GitHub account or a named person ({@link #link}). */
        LINKED,
        /** Nothing ties the address to an account. */
        RAW
    }

    public Identity {
        emails = List.copyOf(emails);
    }

    public Identity(String email, Long githubId, String login, Source source, List<String> emails) {
        this(email, githubId, login, source, emails, null);
    }

    /** Whether the address is tied to a GitHub account, so that its owner can be asked. */
    public boolean known() {
        return source != Source.RAW;
    }

    /** One key per contributor: the account when known, else the named person linked, else the address. */
    public String key() {
        if (githubId != null) {
            return "github:" + githubId;
        }
        if (link != null) {
            return link.key();
        }
        return login != null ? "login:" + login : "email:" + email;
    }
}
