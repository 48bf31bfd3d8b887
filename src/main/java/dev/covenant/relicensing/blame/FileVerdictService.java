package dev.covenant.relicensing.blame;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.jdbc.Rows;
import dev.covenant.project.RepositoryName;
import dev.covenant.relicensing.blame.VerdictModel.Decided;
import dev.covenant.relicensing.blame.VerdictModel.Skipped;
import dev.covenant.relicensing.blame.VerdictModel.SurvivingRow;
import dev.covenant.relicensing.blame.VerdictModel.Verdicts;
import dev.covenant.relicensing.history.RelicensingConfig;
import dev.covenant.relicensing.report.RelicensingReports;
import dev.covenant.relicensing.report.ReportModel.Report;

/**
 * Gathers what the per-file verdicts need: each address's standing from the relicensing report (which also checks
 * the target license and the project), by date ({@link LineStandings}), the surviving lines of the finished blame
 * asked for (the newest by default) with their commits' dates, and the files it skipped; {@link FileVerdicts}
 * decides.
 */
@ApplicationScoped
public class FileVerdictService {

    private static final Pattern SHA_PREFIX = Pattern.compile("[0-9a-fA-F]{4,40}");

    private final RelicensingReports reports;
    private final BlameJobs jobs;
    private final AgroalDataSource dataSource;
    private final RelicensingConfig config;

    FileVerdictService(RelicensingReports reports, BlameJobs jobs, AgroalDataSource dataSource,
            RelicensingConfig config) {
        this.config = config;
        this.reports = reports;
        this.jobs = jobs;
        this.dataSource = dataSource;
    }

    public Verdicts verdicts(String owner, String repo, String to, String revision) {
        String repository = RepositoryName.of(owner, repo);
        if (revision != null && !SHA_PREFIX.matcher(revision).matches()) {
            throw InvalidInputException.of(BlameRevision.FIELD, "is not a commit sha (4 to 40 hexadecimal digits)");
        }
        Report report = reports.report(owner, repo, to, null);
        String prefix = revision == null ? null : revision.toLowerCase(Locale.ROOT);
        return verdicts(repository, report, prefix).orElseThrow(() -> new NotFoundProblem(
                "No finished blame of " + repository + (prefix == null ? "" : " at " + prefix)
                        + ": run POST /api/repos/" + repository + "/relicensing/blame first"));
    }

    /**
     * The verdicts of the finished blame at {@code prefix} (the newest when null) under the standings of
     * {@code report}, a whole report; empty when there is no such blame.
     */
    Optional<Verdicts> verdicts(String repository, Report report, String prefix) {
        Optional<BlameJob> found = jobs.newestDone(repository, prefix, config.blameRevisionsKept());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BlameJob job = found.get();
        FileVerdicts verdicts = new FileVerdicts(LineStandings.of(report.contributors()));
        List<Skipped> skipped = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            // '-infinity' marks rows blamed before dates were kept: an unknown date, null to FileVerdicts.
            Rows.query(c, "SELECT path, author_email, co_authors, nullif(authored_at, '-infinity') AS authored_at,"
                    + " lines FROM surviving_lines WHERE repository = ? AND revision = ?",
                    rs -> verdicts.add(new SurvivingRow(rs.getString(1), rs.getString(2), texts(rs.getArray(3)),
                            Rows.instant(rs, "authored_at"), rs.getLong(5))),
                    repository, job.commit());
            Rows.query(c, "SELECT path, reason, bytes FROM surviving_skipped WHERE repository = ? AND revision = ?"
                    + " ORDER BY path", rs -> skipped.add(new Skipped(rs.getString(1), rs.getString(2), rs.getLong(3))),
                    repository, job.commit());
        } catch (SQLException e) {
            throw new IllegalStateException("reading the surviving lines of " + repository + " failed: "
                    + e.getMessage(), e);
        }
        Decided decided = verdicts.decide(skipped.size());
        return Optional.of(new Verdicts(repository, report.target(), job.commit(), job.id(), decided.totals(),
                decided.contributors(), decided.files(), skipped));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
