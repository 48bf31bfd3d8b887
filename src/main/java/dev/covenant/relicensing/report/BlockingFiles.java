package dev.covenant.relicensing.report;

import java.util.List;
import java.util.Optional;

import dev.covenant.relicensing.report.ReportModel.Report;

/**
 * The files that block a relicensing, from the newest finished blame of the repository, for the relicensing page.
 * The per-file verdicts ({@code relicensing.blame}) provide it, so that the report does not depend on them while
 * they depend on the report.
 */
public interface BlockingFiles {

    /** A file with lines not cleared: how many, and who wrote them, most lines first. */
    record BlockingFile(String path, long blockedLines, List<String> who) {
    }

    /** The files of one blamed revision that block, most blocked lines first, at most the limit asked for. */
    record Blocking(String revision, long filesBlocked, List<BlockingFile> files) {
    }

    /** What blocks {@code report}'s target in the newest finished blame; empty when no blame has finished. */
    Optional<Blocking> of(String owner, String repo, Report report, int limit);
}
