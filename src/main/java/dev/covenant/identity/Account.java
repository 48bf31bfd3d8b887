package dev.covenant.identity;

import java.util.List;

/** A GitHub account Covenant knows because its owner signed in: the id, the current login, the verified addresses. */
public record Account(long githubId, String login, List<String> verifiedEmails) {

    public Account {
        verifiedEmails = List.copyOf(verifiedEmails);
    }
}
