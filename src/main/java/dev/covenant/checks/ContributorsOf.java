package dev.covenant.checks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.covenant.checks.Contributor.Kind;
import dev.covenant.checks.Contributor.Role;
import dev.covenant.github.CommitInfo;
import dev.covenant.github.GitActor;
import dev.covenant.identity.CoAuthors;
import dev.covenant.identity.NoReplyEmail;

/**
 * Who a pull request needs covered: every commit's author and co-authors, and its committer when the project asks
 * for committers (never GitHub's web-flow). Each person once: an account by its id (or, lacking one, its login), a
 * no-reply address as the account it names, any other address as itself unless an account in the same pull
 * request was linked to it by GitHub.
 */
public final class ContributorsOf {

    private ContributorsOf() {
    }

    /** In order of first appearance. */
    public static List<Contributor> pullRequest(List<CommitInfo> commits, boolean includeCommitters) {
        People people = new People();
        for (CommitInfo commit : commits) {
            people.saw(Sighting.of(commit.author()), commit.sha(), Role.AUTHOR);
            for (CoAuthors.CoAuthor coAuthor : CoAuthors.parse(commit.message())) {
                people.saw(Sighting.of(GitActor.unlinked(coAuthor.name(), coAuthor.email())), commit.sha(),
                        Role.CO_AUTHOR);
            }
            GitActor committer = commit.committer();
            if (includeCommitters && committer != null && !committer.isWebFlow()) {
                people.saw(Sighting.of(committer), commit.sha(), Role.COMMITTER);
            }
        }
        return people.entries.stream().map(Entry::toContributor).toList();
    }

    /** What one appearance tells about a person; {@code email} is lower-cased, null when absent. */
    private record Sighting(Long id, String login, String email, String name) {

        static Sighting of(GitActor actor) {
            String email = actor.email() == null || actor.email().isBlank()
                    ? null
                    : actor.email().strip().toLowerCase(Locale.ROOT);
            Long id = actor.githubId();
            String login = actor.login();
            Optional<NoReplyEmail> noReply = NoReplyEmail.parse(email);
            Long carried = noReply.map(NoReplyEmail::githubId).orElse(null);
            // GitHub's own link wins; a no-reply address naming another account adds nothing.
            if (noReply.isPresent() && (id == null || carried == null || id.equals(carried))) {
                id = id != null ? id : carried;
                login = login != null ? login : noReply.get().login();
            }
            return new Sighting(id, login, email, actor.name());
        }

        boolean isAccount() {
            return id != null || login != null;
        }

        /** Authors without any address still count, all together, as the empty one. */
        String emailKey() {
            return email == null ? "" : email;
        }
    }

    private static final class People {
        final List<Entry> entries = new ArrayList<>();
        final Map<Long, Entry> byId = new HashMap<>();
        final Map<String, Entry> byLogin = new HashMap<>();
        final Map<String, Entry> byEmail = new HashMap<>();

        void saw(Sighting s, String sha, Role role) {
            Entry entry = find(s);
            if (entry == null) {
                entry = new Entry();
                entries.add(entry);
            }
            entry.add(s, sha, role);
            if (entry.id != null) {
                byId.putIfAbsent(entry.id, entry);
            }
            if (entry.login != null) {
                byLogin.putIfAbsent(entry.login.toLowerCase(Locale.ROOT), entry);
            }
            if (s.email() != null || !s.isAccount()) {
                byEmail.putIfAbsent(s.emailKey(), entry);
            }
        }

        private Entry find(Sighting s) {
            if (!s.isAccount()) {
                return byEmail.get(s.emailKey());
            }
            Entry found = s.id() == null ? null : byId.get(s.id());
            if (found == null && s.login() != null) {
                Entry sameLogin = byLogin.get(s.login().toLowerCase(Locale.ROOT));
                if (sameLogin != null && (s.id() == null || sameLogin.id == null || sameLogin.id.equals(s.id()))) {
                    found = sameLogin;
                }
            }
            if (found == null && s.email() != null) {
                // An address seen earlier without an account turns out to be this account's.
                Entry sameEmail = byEmail.get(s.email());
                if (sameEmail != null && !sameEmail.isAccount()) {
                    found = sameEmail;
                }
            }
            return found;
        }
    }

    private static final class Entry {
        Long id;
        String login;
        String name;
        final Set<String> emails = new LinkedHashSet<>();
        final Set<String> shas = new LinkedHashSet<>();
        final Set<Role> roles = EnumSet.noneOf(Role.class);

        boolean isAccount() {
            return id != null || login != null;
        }

        void add(Sighting s, String sha, Role role) {
            if (id == null) {
                id = s.id();
            }
            if (login == null) {
                login = s.login();
            }
            if ((name == null || name.isBlank()) && s.name() != null) {
                name = s.name().strip();
            }
            emails.add(s.email() == null ? "" : s.email());
            shas.add(sha);
            roles.add(role);
        }

        Contributor toContributor() {
            List<String> addresses = emails.stream().filter(e -> !e.isEmpty()).toList();
            String email = addresses.isEmpty() ? (isAccount() ? null : "") : addresses.get(0);
            Kind kind = isAccount() ? Kind.ACCOUNT : Kind.EMAIL_ONLY;
            String display = name == null || name.isBlank() ? Contributor.handle(id, login, email) : name;
            return new Contributor(kind, id, login, email, addresses, List.copyOf(shas), roles, display);
        }
    }
}
