package dev.covenant.project;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.covenant.agreement.Agreement;
import dev.covenant.agreement.AgreementKind;
import dev.covenant.agreement.AgreementVersion;
import dev.covenant.agreement.SemanticVersion;
import dev.covenant.agreement.SpdxExpression;
import dev.covenant.api.ConflictException;
import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.ledger.Ledger;

/** Links GitHub owners and repositories to agreements, and keeps their settings and license history. */
@ApplicationScoped
@Transactional
public class ProjectService {

    /** What a contributor comments to sign, unless the project names another phrase (CLA Assistant Lite's). */
    public static final String DEFAULT_PHRASE = "I have read the CLA Document and I hereby sign the CLA";

    private final Ledger ledger;
    private final Clock clock;

    ProjectService(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public ProjectView link(ProjectRequests.NewProject request) {
        if (request == null) {
            throw InvalidInputException.of("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        ProjectValidator.checkNew(request, errors);
        Optional<Agreement> agreement = Optional.ofNullable(request.agreement()).flatMap(Agreement::findBySlug);
        if (request.agreement() != null && !request.agreement().isBlank()
                && (agreement.isEmpty() || agreement.get().kind != AgreementKind.INDIVIDUAL)) {
            // A corporate agreement is signed by companies for their people: contributors cannot sign it themselves.
            errors.add(new FieldError("agreement", agreement.isEmpty()
                    ? "no agreement '" + request.agreement() + "'"
                    : "'" + request.agreement() + "' is a corporate agreement; contributors sign an individual one",
                    Agreement.listInOrder().stream().filter(a -> a.kind == AgreementKind.INDIVIDUAL).map(a -> a.slug)
                            .toList()));
        }
        Optional<Agreement> corporate = Optional.ofNullable(request.corporateAgreement()).filter(s -> !s.isBlank())
                .flatMap(Agreement::findBySlug);
        if (request.corporateAgreement() != null && !request.corporateAgreement().isBlank()
                && (corporate.isEmpty() || corporate.get().kind != AgreementKind.CORPORATE)) {
            errors.add(new FieldError("corporateAgreement",
                    "no corporate agreement '" + request.corporateAgreement() + "'",
                    Agreement.listInOrder().stream().filter(a -> a.kind == AgreementKind.CORPORATE).map(a -> a.slug)
                            .toList()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String repo = request.repo() == null ? "" : request.repo();
        if (Project.findExact(request.owner(), repo).isPresent()) {
            throw new ConflictException(
                    "A project for " + (repo.isEmpty() ? request.owner() : request.owner() + "/" + repo)
                            + " already exists");
        }
        Project project = new Project();
        project.owner = request.owner();
        project.repo = repo;
        project.agreement = agreement.orElseThrow();
        project.corporateAgreement = corporate.orElse(null);
        project.createdAt = Instant.now(clock);
        apply(project, request.settings());
        checkSignByComment(project, request.settings());
        project.persist();
        ObjectNode event = event(project);
        event.put("agreement", project.agreement.slug);
        ledger.append("project.linked", event);
        if (request.licenses() != null) {
            request.licenses().forEach(l -> storeLicense(project, l));
        }
        return view(project);
    }

    public ProjectView update(long id, ProjectRequests.Settings settings) {
        if (settings == null) {
            throw InvalidInputException.of("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        ProjectValidator.checkSettings(settings, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Project project = project(id);
        apply(project, settings);
        // Thrown after the change, which the transaction then rolls back.
        checkSignByComment(project, settings);
        return view(project);
    }

    public ProjectView recordLicense(long id, ProjectRequests.NewLicense license) {
        List<FieldError> errors = new ArrayList<>();
        ProjectValidator.checkLicense("", license, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Project project = project(id);
        storeLicense(project, license);
        return view(project);
    }

    private void storeLicense(Project project, ProjectRequests.NewLicense request) {
        LocalDate from = LocalDate.parse(request.from());
        if (ProjectLicense.count("projectId = ?1 and effectiveFrom = ?2", project.id, from) > 0) {
            throw new ConflictException(
                    "The license history of " + project.scope() + " already has an entry from " + from);
        }
        ProjectLicense license = new ProjectLicense();
        license.projectId = project.id;
        license.effectiveFrom = from;
        license.spdx = SpdxExpression.parse(request.spdx()).toString();
        license.persist();
        ObjectNode event = event(project);
        event.put("from", from.toString());
        event.put("spdx", license.spdx);
        ledger.append("project.license.recorded", event);
    }

    private static void apply(Project project, ProjectRequests.Settings settings) {
        project.accepts = settings.accepts() == null ? AcceptancePolicy.LATEST_MAJOR : settings.accepts();
        project.acceptsSince = project.accepts == AcceptancePolicy.SINCE
                ? SemanticVersion.parse(settings.acceptsSince()).orElseThrow().toString()
                : null;
        project.allowlist = String.join("\n", settings.allowlist() == null ? Allowlist.DEFAULT : settings.allowlist());
        project.checkCommitters = Boolean.TRUE.equals(settings.checkCommitters());
        project.signByComment = Boolean.TRUE.equals(settings.signByComment());
        project.signByCommentPhrase = settings.signByCommentPhrase() == null
                ? null
                : settings.signByCommentPhrase().strip();
        project.mode = settings.mode() == null ? ProjectMode.CLA : ProjectMode.named(settings.mode()).orElseThrow();
    }

    private static void checkSignByComment(Project project, ProjectRequests.Settings settings) {
        List<FieldError> errors = new ArrayList<>();
        ProjectValidator.checkSignByComment(settings, acceptedVersions(project, project.agreement), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static ObjectNode event(Project project) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("project", project.id);
        event.put("scope", project.scope());
        return event;
    }

    public List<ProjectView> list() {
        return Project.listInOrder().stream().map(ProjectService::view).toList();
    }

    public ProjectView get(long id) {
        return view(project(id));
    }

    /** The project that governs a repository given as {@code owner/name}, or an owner alone. */
    public ProjectView governing(String repository) {
        String[] parts = repository.split("/", 2);
        return Project.findGoverning(parts[0], parts.length > 1 ? parts[1] : "").map(ProjectService::view)
                .orElseThrow(() -> new NotFoundProblem("No project governs " + repository));
    }

    private static Project project(long id) {
        Project project = Project.findById(id);
        if (project == null) {
            throw new NotFoundProblem("No project " + id);
        }
        return project;
    }

    /** The versions of an agreement a project accepts today, oldest first. */
    public static List<AgreementVersion> acceptedVersions(Project p, Agreement agreement) {
        List<AgreementVersion> versions = AgreementVersion.findFor(agreement);
        if (versions.isEmpty()) {
            return List.of();
        }
        SemanticVersion latest = versions.get(versions.size() - 1).semanticVersion();
        SemanticVersion since = p.acceptsSince == null ? null : SemanticVersion.parse(p.acceptsSince).orElseThrow();
        return versions.stream().filter(v -> p.accepts.accepts(v.semanticVersion(), latest, since)).toList();
    }

    static ProjectView view(Project p) {
        List<String> accepted = acceptedVersions(p, p.agreement).stream().map(v -> v.version).toList();
        return new ProjectView(p.id, p.owner, p.repo, p.scope(), p.agreement.slug,
                p.corporateAgreement == null ? null : p.corporateAgreement.slug, p.accepts, p.acceptsSince, accepted,
                p.allowlistPatterns().patterns(), p.checkCommitters, p.signByComment, p.signByCommentPhrase(),
                p.mode, ProjectLicense.historyOf(p).entries(), p.createdAt);
    }
}
