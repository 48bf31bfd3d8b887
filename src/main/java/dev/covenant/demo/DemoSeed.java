package dev.covenant.demo;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import org.jboss.logging.Logger;

import dev.covenant.api.ConflictException;
import dev.covenant.checks.InstallationHandler;
import dev.covenant.jdbc.Rows;
import dev.covenant.project.ProjectRequests;
import dev.covenant.project.ProjectService;
import dev.covenant.relicensing.history.HistoryImporter;
import dev.covenant.relicensing.history.HistoryImports;

/**
 * Seeds the demo at start, once per database: the App's installation on demo/widget (through the installation
 * handler, as its webhook would), the project linked to the shipped individual agreement with its license history
 * (MIT, then Apache-2.0 from 1 June 2023), and the bundled history ({@code demo/widget-history.txt.gz}, 3,000 commits)
 * queued through the real text import. Every step looks before it writes, under one PostgreSQL advisory lock held
 * in a transaction of its own, so restarts and a second instance find the work done.
 */
@ApplicationScoped
public class DemoSeed {

    static final String HISTORY = "demo/widget-history.txt.gz";
    private static final Logger LOG = Logger.getLogger(DemoSeed.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;
    private final InstallationHandler installations;
    private final ProjectService projects;
    private final HistoryImporter importer;
    private final HistoryImports imports;

    DemoSeed(AgroalDataSource dataSource, InstallationHandler installations, ProjectService projects,
            HistoryImporter importer, HistoryImports imports) {
        this.dataSource = dataSource;
        this.installations = installations;
        this.projects = projects;
        this.importer = importer;
        this.imports = imports;
    }

    public void seed() {
        // A transaction of its own holds the lock while the steps below write in transactions of their own: a
        // session-level lock would outlive its statement in a pooled server session (through a transaction-mode
        // pooler) and never be released there.
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try {
                Rows.query(lock, "SELECT pg_advisory_xact_lock(hashtext('covenant.demo.seed'))", rs -> {
                });
                install();
                link();
                importHistory();
            } finally {
                lock.rollback();
                lock.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The demo could not be seeded: " + e.getMessage(), e);
        }
    }

    private void install() {
        installations.handle("covenant-demo-installation", "installation", "created", JSON.valueToTree(Map.of(
                "action", "created",
                "installation", Map.of("id", DemoGitHub.INSTALLATION_ID, "account",
                        Map.of("login", DemoGitHub.OWNER, "id", DemoGitHub.OWNER_ID, "type", "Organization")),
                "repositories", List.of(Map.of("id", DemoGitHub.REPOSITORY_ID, "full_name", DemoGitHub.REPOSITORY,
                        "name", "widget", "private", false)))));
    }

    private void link() {
        try {
            projects.link(new ProjectRequests.NewProject(DemoGitHub.OWNER, "widget", "individual", null, null, null,
                    null, List.of(new ProjectRequests.NewLicense("2019-01-01", "MIT"),
                            new ProjectRequests.NewLicense("2023-06-01", "Apache-2.0")),
                    null, null));
            LOG.infof("%s - demo project linked to the individual agreement", DemoGitHub.REPOSITORY);
        } catch (ConflictException e) {
            LOG.debugf("%s - demo project already linked", DemoGitHub.REPOSITORY);
        }
    }

    /** Queues the import unless one is done, queued or running; a failed one (its upload lost) is tried again. */
    private void importHistory() {
        boolean present = imports.recent(DemoGitHub.REPOSITORY, 20).stream()
                .anyMatch(job -> !"FAILED".equals(job.state()));
        if (present) {
            return;
        }
        try (InputStream history = DemoSeed.class.getClassLoader().getResourceAsStream(HISTORY)) {
            if (history == null) {
                throw new IllegalStateException(HISTORY + " is missing from the service's classpath");
            }
            HistoryImports.Created created = importer.importText(DemoGitHub.REPOSITORY, new GZIPInputStream(history));
            LOG.infof("%s - demo history queued for import (import %d)", DemoGitHub.REPOSITORY, created.id());
        } catch (IOException e) {
            throw new IllegalStateException("The demo history could not be read: " + e.getMessage(), e);
        }
    }
}
