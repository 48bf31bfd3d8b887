package dev.covenant.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Commit addresses to people, without I/O, the same way for the pull-request check, the relicensing report, blame
 * verdicts and campaigns: first an address a signed-in person verified (with GitHub, or by a code mailed there), then
 * a maintainer's link for the repository, then a GitHub no-reply address (which names the account by id, or in its
 * older form by login), else the raw address. Both no-reply forms of one account are one person: the older form
 * takes the id of the signed-in account with that login or, for someone who never signed in, the id that the newer
 * form of the same login carries among the addresses asked about. The {@code .mailmap} has
 * already been applied when the history was read; the raw commit address is kept in {@link Identity#email}, since
 * company approvals match the address the work was done under.
 */
public final class IdentityResolution {

    /**
     * What is known of the addresses asked about: who verified which (lower-cased), the accounts by id and by login
     * (lower-cased), the ids the newer no-reply form gives logins (lower-cased), and the maintainers' links by
     * address. {@link AddressDirectory} reads it in bulk.
     */
    public record Directory(Map<String, Long> verifiedOwners, Map<Long, Account> byId, Map<String, Account> byLogin,
            Map<String, Long> noReplyIds, Map<String, AddressLink> links) {

        public Directory(Map<String, Long> verifiedOwners, Map<Long, Account> byId, Map<String, Account> byLogin) {
            this(verifiedOwners, byId, byLogin, Map.of(), Map.of());
        }

        public static Directory empty() {
            return new Directory(Map.of(), Map.of(), Map.of());
        }
    }

    private IdentityResolution() {
    }

    public static Identity resolve(String commitEmail, Directory directory) {
        String email = commitEmail.toLowerCase(Locale.ROOT);
        Long owner = directory.verifiedOwners().get(email);
        if (owner != null) {
            Account account = directory.byId().get(owner);
            return identity(email, owner, account == null ? null : account.login(), Identity.Source.VERIFIED_EMAIL,
                    account, null);
        }
        AddressLink link = directory.links().get(email);
        if (link != null) {
            if (link.githubId() == null) {
                return new Identity(email, null, null, Identity.Source.LINKED, List.of(email), link);
            }
            Account account = directory.byId().get(link.githubId());
            return identity(email, link.githubId(), account == null ? null : account.login(), Identity.Source.LINKED,
                    account, link);
        }
        Optional<NoReplyEmail> noReply = NoReplyEmail.parse(email);
        if (noReply.isPresent()) {
            NoReplyEmail address = noReply.get();
            String login = address.login().toLowerCase(Locale.ROOT);
            Account account = address.githubId() != null
                    ? directory.byId().get(address.githubId())
                    : directory.byLogin().get(login);
            Long id = address.githubId() != null
                    ? address.githubId()
                    : account != null ? Long.valueOf(account.githubId()) : directory.noReplyIds().get(login);
            return identity(email, id, account != null ? account.login() : address.login(), Identity.Source.NO_REPLY,
                    account, null);
        }
        return new Identity(email, null, null, Identity.Source.RAW, List.of(email));
    }

    private static Identity identity(String email, Long id, String login, Identity.Source source, Account account,
            AddressLink link) {
        List<String> emails = new ArrayList<>();
        emails.add(email);
        if (account != null) {
            account.verifiedEmails().stream().map(e -> e.toLowerCase(Locale.ROOT)).filter(e -> !emails.contains(e))
                    .forEach(emails::add);
        }
        return new Identity(email, id, login, source, emails, link);
    }
}
