package dev.covenant.identity;

import java.util.List;

/**
 * A person as GitHub described them at sign-in: the numeric id is the identity, the login only a current name, and
 * the addresses with whether GitHub verified them.
 */
public record Profile(long githubId, String login, String name, List<Email> emails) {

    public record Email(String address, boolean verified, boolean primary) {
    }

    public Profile {
        emails = List.copyOf(emails);
    }
}
