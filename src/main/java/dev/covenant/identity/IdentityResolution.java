package dev.covenant.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.covenant.coverage.Grant;
import dev.covenant.relicensing.report.RelicensingDecision;

/**
 * Commit addresses to people, without I/O: first an address a signed-in person verified with GitHub, then a GitHub
 * no-reply address (which names the account by id, or in its older form by login), else the raw address. The
 * {@code .mailmap} has already been applied when the history was read. Company approvals are matched here too
 * (by address, domain or GitHub login); their dates are judged per contribution by {@link RelicensingDecision}.
 */
public final class IdentityResolution {

    /** A person who signed in: their account and the addresses GitHub verified for them. */
    public record Person(long githubId, String login, List<String> verifiedEmails) {
    }

    /** What is known: who verified which address (lower-cased), and the people by id and by login (lower-cased). */
    public record Directory(Map<String, Long> verifiedOwners, Map<Long, Person> byId, Map<String, Person> byLogin) {
    }

    private IdentityResolution() {
    }

    public static Identity resolve(String commitEmail, Directory directory) {
        String email = commitEmail.toLowerCase(Locale.ROOT);
        Long owner = directory.verifiedOwners().get(email);
        if (owner != null) {
            Person person = directory.byId().get(owner);
            return identity(email, owner, person == null ? null : person.login(), Identity.Source.VERIFIED_EMAIL,
                    person);
        }
        Optional<NoReplyEmail> noReply = NoReplyEmail.parse(email);
        if (noReply.isPresent()) {
            NoReplyEmail address = noReply.get();
            Person person = address.githubId() != null
                    ? directory.byId().get(address.githubId())
                    : directory.byLogin().get(address.login().toLowerCase(Locale.ROOT));
            Long id = address.githubId() != null ? address.githubId() : person == null ? null : person.githubId();
            return identity(email, id, person != null ? person.login() : address.login(), Identity.Source.NO_REPLY,
                    person);
        }
        return new Identity(email, null, null, Identity.Source.RAW, List.of(email));
    }

    private static Identity identity(String email, Long id, String login, Identity.Source source, Person person) {
        List<String> emails = new ArrayList<>();
        emails.add(email);
        if (person != null) {
            person.verifiedEmails().stream().map(e -> e.toLowerCase(Locale.ROOT)).filter(e -> !emails.contains(e))
                    .forEach(emails::add);
        }
        return new Identity(email, id, login, source, emails);
    }

    /** Whether a company's approval names this identity; organisation membership needs GitHub and is not judged. */
    public static boolean approves(Grant.Approval approval, Identity identity) {
        return switch (approval.kind()) {
            case "EMAIL" -> identity.emails().contains(approval.value());
            case "DOMAIN" -> identity.emails().stream().anyMatch(e -> e.endsWith("@" + approval.value()));
            case "GITHUB_USER" -> identity.login() != null && identity.login().equalsIgnoreCase(approval.value());
            default -> false;
        };
    }
}
