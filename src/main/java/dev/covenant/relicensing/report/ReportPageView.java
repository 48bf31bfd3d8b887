package dev.covenant.relicensing.report;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.github.GitHubConfig;
import dev.covenant.project.RepositoryName;
import dev.covenant.relicensing.history.HistoryImports;
import dev.covenant.relicensing.history.ImportJob;
import dev.covenant.relicensing.report.ReportModel.Report;

/**
 * Gathers what a repository's relicensing page shows for one reader: the report for the asked target (or the
 * fields' errors, with the closest SPDX ids), and for maintainers the latest history imports.
 */
@ApplicationScoped
public class ReportPageView {

    /** How many imports the page lists, newest first. */
    static final int RECENT_IMPORTS = 5;
    /** How many blocking files the page lists, most blocked lines first. */
    static final int BLOCKING_FILES = 50;

    private final RelicensingReports reports;
    private final HistoryImports imports;
    private final GitHubConfig github;
    private final BlockingFiles blockingFiles;
    private final AgroalDataSource dataSource;

    ReportPageView(RelicensingReports reports, HistoryImports imports, GitHubConfig github,
            BlockingFiles blockingFiles, AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.reports = reports;
        this.imports = imports;
        this.github = github;
        this.blockingFiles = blockingFiles;
    }

    /** {@code repository} is the {@link RepositoryName} of {@code owner/repo}, which a project governs. */
    RelicensingPages.ReportPage build(String owner, String repo, String repository, ReportReader reader, String to,
            String at, String trivialLines, RelicensingPages.ImportForm importForm) {
        Report report = null;
        List<FieldError> errors = List.of();
        if (new RelicensingPages.ReportQuery(to, at, trivialLines, errors).asked()) {
            try {
                report = reports.named(reports.report(reader, owner, repo, to, at, trivialLines, true),
                        RelicensingPages.MAX_ROWS);
            } catch (InvalidInputException e) {
                errors = e.errors();
            }
        }
        List<ImportJob> recent = reader.whole() ? imports.recent(repository, RECENT_IMPORTS) : List.of();
        // What a maintainer does next: the files that block, and how to reach those who wrote them.
        boolean next = reader.whole() && report != null;
        BlockingFiles.Blocking blocking = next
                ? blockingFiles.of(owner, repo, report, BLOCKING_FILES).orElse(null)
                : null;
        Map<String, String> contacts = next
                ? ContactEmails.of(report.contributors().stream().limit(RelicensingPages.MAX_ROWS)
                        .filter(c -> !c.status().cleared()).toList(),
                        ContactEmails.linkedContacts(dataSource, repository))
                : Map.of();
        return new RelicensingPages.ReportPage(repository, reader.whole(), new RelicensingPages.ReportQuery(
                to, at, trivialLines, errors), report, recent, importForm,
                ReportLinks.of(repository, to, at, trivialLines),
                github.webUrl().replaceAll("/+$", ""), blocking, contacts);
    }
}
