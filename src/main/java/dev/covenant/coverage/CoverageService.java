package dev.covenant.coverage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.covenant.jdbc.Database;
import dev.covenant.project.Project;

/**
 * "Is this person or address covered for this repository now, and by what?" for the pull-request check, the coverage
 * API and a person's own page: the facts are read in one short look at the database ({@link Subjects},
 * {@link GrantLookup}), organisation memberships are asked of GitHub after it ({@link Memberships}), and
 * {@link CoverageRules} decides. Callers hold no transaction.
 */
@ApplicationScoped
public class CoverageService {

    /** A subject as resolved (account, login, every address that counts) and its coverage. */
    public record Answer(CoverageSubject subject, Coverage coverage) {
    }

    private final Database db;
    private final Memberships memberships;
    private final Clock clock;

    CoverageService(Database db, Memberships memberships, Clock clock) {
        this.db = db;
        this.memberships = memberships;
        this.clock = clock;
    }

    /** The terms of the project that governs {@code owner/name}, read in a transaction of their own. */
    public Optional<ProjectTerms> terms(String repository) {
        return QuarkusTransaction.requiringNew().call(() -> Project.findGoverning(repository).map(ProjectTerms::of));
    }

    /** The terms of every project, in order. */
    public List<ProjectTerms> allTerms() {
        return QuarkusTransaction.requiringNew().call(() -> Project.listInOrder().stream().map(ProjectTerms::of)
                .toList());
    }

    /** Each subject's coverage at {@code at} (now when null), in the order asked. */
    public List<Answer> coverage(ProjectTerms project, List<CoverageSubject> asked, Instant at) {
        return coverage(project, null, asked, at);
    }

    /**
     * The same for contributors to {@code repository} ({@code owner/name}), whose maintainers' address links count
     * as everywhere else in that repository; null for none.
     */
    public List<Answer> coverage(ProjectTerms project, String repository, List<CoverageSubject> asked, Instant at) {
        Instant moment = at == null ? Instant.now(clock) : at;
        Facts facts = read(project, repository, asked);
        Map<String, Set<String>> memberOf = memberships.of(facts.approvals().organisations(),
                facts.subjects().stream().map(CoverageSubject::login).filter(Objects::nonNull).distinct().toList());
        List<Answer> answers = new ArrayList<>(asked.size());
        for (CoverageSubject subject : facts.subjects()) {
            List<Grant> candidates = new ArrayList<>(subject.githubId() == null
                    ? List.of()
                    : facts.signatures().getOrDefault(subject.githubId(), List.of()));
            candidates.addAll(facts.approvals().candidates(subject));
            List<Grant> grants = CoverageRules.matching(subject, candidates, Memberships.of(memberOf, subject.login()));
            answers.add(new Answer(subject, CoverageRules.evaluate(project.allowlist(), project.accepted()::contains,
                    subject, grants, moment)));
        }
        return answers;
    }

    private record Facts(List<CoverageSubject> subjects, Map<Long, List<Grant>> signatures, Approvals approvals) {
    }

    private Facts read(ProjectTerms project, String repository, List<CoverageSubject> asked) {
        return db.autocommit(project.scope() + " - reading the coverage facts", c -> {
            List<CoverageSubject> subjects = Subjects.resolve(c, repository == null
                    ? null
                    : repository.toLowerCase(Locale.ROOT), asked);
            List<String> logins = subjects.stream().map(CoverageSubject::login).filter(Objects::nonNull).toList();
            List<String> emails = subjects.stream().flatMap(s -> s.emails().stream()).distinct().toList();
            return new Facts(subjects, GrantLookup.signatures(c, project.agreementId(), subjects.stream()
                    .map(CoverageSubject::githubId).filter(Objects::nonNull).distinct().toList()),
                    GrantLookup.approvals(c, project.corporateAgreementId(), logins, emails));
        });
    }
}
