package dev.covenant.project;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.covenant.agreement.Agreement;
import dev.covenant.jdbc.Rows;

/** A GitHub organisation (empty repo) or one repository, linked to the agreement its contributors must sign. */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String owner;

    /** Empty for a project that covers every repository of the owner. */
    @Column(nullable = false)
    public String repo;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agreement_id")
    public Agreement agreement;

    /** A corporate agreement whose listed employees are covered too; optional. */
    @ManyToOne
    @JoinColumn(name = "corporate_agreement_id")
    public Agreement corporateAgreement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AcceptancePolicy accepts;

    @Column(name = "accepts_since")
    public String acceptsSince;

    /** Glob patterns, one per line. */
    @Column(nullable = false)
    public String allowlist;

    /** Whether committers must be covered too; authors and co-authors always must. */
    @Column(name = "check_committers", nullable = false)
    public boolean checkCommitters;

    /** Whether a contributor of a pull request may sign by commenting {@link #signByCommentPhrase()} on it. */
    @Column(name = "sign_by_comment", nullable = false)
    public boolean signByComment;

    /** The phrase that signs by comment; null for {@link ProjectService#DEFAULT_PHRASE}. */
    @Column(name = "sign_by_comment_phrase")
    public String signByCommentPhrase;

    /** How contributors are cleared: the agreement, a DCO sign-off on each commit, or either. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectMode mode = ProjectMode.CLA;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public String scope() {
        return repo.isEmpty() ? owner : owner + "/" + repo;
    }

    public String signByCommentPhrase() {
        return signByCommentPhrase == null ? ProjectService.DEFAULT_PHRASE : signByCommentPhrase;
    }

    public Allowlist allowlistPatterns() {
        return new Allowlist(allowlist.isEmpty() ? List.of() : Arrays.asList(allowlist.split("\n")));
    }

    /**
     * At most one: (lower(owner), lower(repo)) is unique. Found by its id in plain SQL, then loaded: as a query on
     * the entity, Hibernate translated it anew on every call (a fifth of a webhook evaluation's CPU, profiled).
     */
    public static Optional<Project> findExact(String owner, String repo) {
        Optional<Long> id = getSession().doReturningWork(c -> Rows.first(c, "SELECT id FROM project"
                + " WHERE lower(owner) = lower(?) AND lower(repo) = lower(?)", rs -> rs.getLong(1), owner,
                repo == null ? "" : repo));
        // Not Project::findById: javac would point that reference at PanacheEntityBase, which Panache leaves empty.
        return id.map(found -> findById(found));
    }

    /** The project that governs a repository: its own, else its owner's. */
    public static Optional<Project> findGoverning(String owner, String repo) {
        return findExact(owner, repo).or(() -> findExact(owner, ""));
    }

    /** The project that governs a repository named {@code owner/name}. */
    public static Optional<Project> findGoverning(String fullName) {
        int slash = fullName.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("not owner/name: " + fullName);
        }
        return findGoverning(fullName.substring(0, slash), fullName.substring(slash + 1));
    }

    public static List<Project> listInOrder() {
        return list("order by lower(owner), lower(repo)");
    }
}
