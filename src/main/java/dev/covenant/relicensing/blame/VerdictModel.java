package dev.covenant.relicensing.blame;

import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.covenant.api.Page;
import dev.covenant.api.Paging;

/** The records of the per-file relicensing verdicts: surviving lines and standings in, a verdict per file out. */
public final class VerdictModel {

    private VerdictModel() {
    }

    /**
     * One {@code surviving_lines} row: lines of a file credited to an author with these co-authors, written by a
     * commit of this author date; {@code authoredAt} null when the date is unknown (a blame made before dates were
     * kept), which judges the lines by each person's overall status.
     */
    public record SurvivingRow(String path, String author, List<String> coAuthors, Instant authoredAt, long lines) {

        public SurvivingRow {
            coAuthors = List.copyOf(coAuthors);
        }
    }

    /** Where the person behind an address stands for the target license, as the relicensing report says. */
    public record Standing(String contributor, String status, boolean cleared) {
    }

    /**
     * Where the person behind an address stands for lines they wrote at {@code authoredAt}: the relicensing report
     * judges each contribution on its own date. A null {@code authoredAt} (a date unknown) asks for their overall
     * standing. Null when the report does not know the address.
     */
    @FunctionalInterface
    public interface Standings {
        Standing of(String email, Instant authoredAt);
    }

    /** A file the blame did not look into: {@code BINARY} or {@code TOO_LARGE}. */
    public record Skipped(String path, String reason, long bytes) {
    }

    /**
     * Someone whose lines in a file are not cleared, with the status of those lines (the one most of them have, when
     * they were written under several) and how many of the file's lines they are.
     */
    public record Blocker(String contributor, String status, long lines) {
    }

    /** One file: its surviving lines, how many are cleared, and who blocks the rest (most lines first). */
    public record FileVerdict(String path, long lines, long linesCleared, boolean cleared, List<Blocker> blockedBy) {

        long linesBlocked() {
            return lines - linesCleared;
        }
    }

    /**
     * One person's surviving lines over the whole revision, and in how many files. {@code status} and
     * {@code cleared} are their overall standing; {@code linesCleared} counts the lines their own standing at each
     * line's date clears (a co-author may still block some of them), so a person cleared for some dates and not
     * others shows as partly cleared.
     */
    public record ContributorLines(String contributor, List<String> emails, String status, boolean cleared, long lines,
            long linesCleared, long files) {
    }

    /** Files and surviving lines, all and cleared. */
    public record VerdictTotals(long files, long filesCleared, long filesSkipped, long lines, long linesCleared,
            double linesShare) {

        static VerdictTotals of(long files, long filesCleared, long filesSkipped, long lines, long linesCleared) {
            double share = lines == 0 ? 1.0 : Math.round(linesCleared * 10000.0 / lines) / 10000.0;
            return new VerdictTotals(files, filesCleared, filesSkipped, lines, linesCleared, share);
        }
    }

    /** What {@link FileVerdicts} decides: totals, people by surviving lines, files most blocked first. */
    public record Decided(VerdictTotals totals, List<ContributorLines> contributors, List<FileVerdict> files) {
    }

    /** The whole answer, with the revision and blame job it comes from and the files the blame skipped. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verdicts(String repository, String target, String revision, long blameJob, VerdictTotals totals,
            List<ContributorLines> contributors, List<FileVerdict> files, List<Skipped> skipped, Page page) {

        public Verdicts(String repository, String target, String revision, long blameJob, VerdictTotals totals,
                List<ContributorLines> contributors, List<FileVerdict> files, List<Skipped> skipped) {
            this(repository, target, revision, blameJob, totals, contributors, files, skipped, null);
        }

        /** The page of the files {@code paging} asks for; {@code link} gives the address of another page. */
        Verdicts page(Paging paging, IntFunction<String> link) {
            return new Verdicts(repository, target, revision, blameJob, totals, contributors, paging.slice(files),
                    skipped, paging.page(files.size(), link));
        }
    }
}
