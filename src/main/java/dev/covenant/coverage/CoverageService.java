package dev.covenant.coverage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.covenant.agreement.AgreementVersion;
import dev.covenant.github.GitHubDirectory;
import dev.covenant.identity.Person;
import dev.covenant.identity.PersonEmail;
import dev.covenant.project.AcceptancePolicy;
import dev.covenant.project.Project;
import dev.covenant.project.ProjectService;
import dev.covenant.signing.Approval;
import dev.covenant.signing.CorporateAgreement;
import dev.covenant.signing.Signature;

/**
 * The single source of truth for "is this person covered for this repository": gathers the facts from the
 * database (and organisation membership from GitHub), then lets {@link CoverageRules} decide.
 */
@ApplicationScoped
@Transactional
public class CoverageService {

    private final GitHubDirectory github;
    private final Clock clock;

    CoverageService(GitHubDirectory github, Clock clock) {
        this.github = github;
        this.clock = clock;
    }

    /** Who was asked about, resolved: the person if we know them, and the e-mail addresses that count. */
    public record Asked(Optional<Person> person, String login, List<String> emails) {
    }

    public record Answer(Project project, Asked asked, CoverageRules.Coverage coverage) {
    }

    public Answer coverage(Project project, Optional<Person> person, String login, String email, Instant at) {
        List<String> emails = new ArrayList<>();
        if (email != null && !email.isBlank()) {
            emails.add(email.toLowerCase());
            if (person.isEmpty()) {
                // An address someone verified with GitHub stands for that person.
                person = PersonEmail.ownersOf(email).stream().findFirst().flatMap(Person::findByGithubId);
            }
        }
        person.ifPresent(p -> emails.addAll(p.verifiedEmails()));
        String effectiveLogin = person.map(p -> p.login).orElse(login);
        CoverageRules.Subject subject = new CoverageRules.Subject(person.map(p -> p.githubId).orElse(null),
                effectiveLogin, emails);

        List<AgreementVersion> accepted = new ArrayList<>(ProjectService.acceptedVersions(project, project.agreement));
        if (project.corporateAgreement != null) {
            accepted.addAll(latestMajor(project.corporateAgreement));
        }
        Set<Long> acceptedIds = accepted.stream().map(v -> v.id).collect(Collectors.toSet());

        List<CoverageRules.SignatureFact> signatures = person.map(p -> Signature.findByPerson(p.githubId))
                .orElse(List.of())
                .stream().map(s -> new CoverageRules.SignatureFact(s.id, s.version.id, s.version.agreement.slug,
                        s.version.version, s.version.coversPriorContributions, s.signedAt, s.revokedAt))
                .toList();
        List<String> domains = emails.stream().map(e -> e.substring(e.indexOf('@') + 1)).distinct().toList();
        List<CoverageRules.ApprovalFact> approvals = Approval.candidates(effectiveLogin, emails, domains).stream()
                .map(this::fact).filter(a -> acceptedIds.contains(a.versionId())).toList();
        Set<String> orgs = new HashSet<>();
        if (effectiveLogin != null) {
            approvals.stream().filter(a -> a.kind() == Approval.Kind.GITHUB_ORG).map(CoverageRules.ApprovalFact::value)
                    .distinct().filter(org -> github.isMember(org, effectiveLogin)).forEach(orgs::add);
        }
        CoverageRules.Facts facts = new CoverageRules.Facts(project.allowlistPatterns(), acceptedIds, subject,
                signatures,
                approvals, orgs, at == null ? Instant.now(clock) : at);
        return new Answer(project, new Asked(person, effectiveLogin, emails), CoverageRules.evaluate(facts));
    }

    private CoverageRules.ApprovalFact fact(Approval a) {
        CorporateAgreement corporate = CorporateAgreement.findById(a.corporateId);
        return new CoverageRules.ApprovalFact(a.corporateId, corporate.company, corporate.version.id,
                corporate.version.agreement.slug, corporate.version.version, a.kind, a.value, a.validFrom, a.validUntil,
                corporate.revokedAt);
    }

    private static List<AgreementVersion> latestMajor(dev.covenant.agreement.Agreement agreement) {
        List<AgreementVersion> versions = AgreementVersion.findFor(agreement);
        if (versions.isEmpty()) {
            return List.of();
        }
        var latest = versions.get(versions.size() - 1).semanticVersion();
        return versions.stream().filter(v -> AcceptancePolicy.LATEST_MAJOR.accepts(v.semanticVersion(), latest, null))
                .toList();
    }
}
