package dev.covenant.github;

import java.util.List;

/** A GitHub user as sign-in reports it: the numeric id is the identity, the login only a current name. */
public record GitHubAccount(long id, String login, String name, List<Email> emails) {

    public record Email(String address, boolean verified, boolean primary) {
    }

    public List<String> verifiedEmails() {
        return emails.stream().filter(Email::verified).map(e -> e.address().toLowerCase()).toList();
    }
}
