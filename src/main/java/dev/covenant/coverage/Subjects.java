package dev.covenant.coverage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import dev.covenant.identity.Account;
import dev.covenant.identity.AddressDirectory;
import dev.covenant.identity.Identity;
import dev.covenant.identity.IdentityResolution;

/**
 * Completes what is known of the subjects asked about with the identity model, in one look-up for all of them: the
 * account (by id, else by login, else the account that verified or claimed one of the addresses, that a maintainer
 * linked one to, or that a no-reply address names), its current login, and its verified addresses added to the
 * ones asked about.
 */
final class Subjects {

    private Subjects() {
    }

    /** {@code repository}, unless null, adds its maintainers' links ({@code owner/name}, lower-cased). */
    static List<CoverageSubject> resolve(Connection c, String repository, List<CoverageSubject> asked)
            throws SQLException {
        IdentityResolution.Directory directory = AddressDirectory.of(c, repository,
                asked.stream().flatMap(s -> s.emails().stream()).distinct().toList(),
                asked.stream().map(CoverageSubject::githubId).filter(Objects::nonNull).distinct().toList(),
                asked.stream().map(CoverageSubject::login).filter(Objects::nonNull).distinct().toList());
        List<CoverageSubject> resolved = new ArrayList<>(asked.size());
        for (CoverageSubject subject : asked) {
            resolved.add(resolve(subject, directory));
        }
        return resolved;
    }

    static CoverageSubject resolve(CoverageSubject subject, IdentityResolution.Directory directory) {
        Account account = subject.githubId() != null
                ? directory.byId().get(subject.githubId())
                : subject.login() != null ? directory.byLogin().get(subject.login().toLowerCase(Locale.ROOT)) : null;
        Long id = subject.githubId();
        String login = subject.login();
        for (String email : subject.emails()) {
            if (account != null || id != null) {
                break;
            }
            Identity identity = IdentityResolution.resolve(email, directory);
            if (identity.githubId() != null) {
                id = identity.githubId();
                login = login != null ? login : identity.login();
                account = directory.byId().get(id);
            }
        }
        if (account == null) {
            return new CoverageSubject(id, login, subject.emails());
        }
        Set<String> emails = new LinkedHashSet<>(subject.emails());
        emails.addAll(account.verifiedEmails());
        return new CoverageSubject(account.githubId(), account.login(), List.copyOf(emails));
    }
}
