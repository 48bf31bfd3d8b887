package dev.covenant.relicensing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The records of the per-file relicensing verdicts: surviving lines and standings in, a verdict per file out. */
public final class VerdictModel {

    private VerdictModel() {
    }

    /** One {@code surviving_lines} row: lines of a file credited to an author with these co-authors. */
    public record SurvivingRow(String path, String author, List<String> coAuthors, long lines) {

        public SurvivingRow {
            coAuthors = List.copyOf(coAuthors);
        }
    }

    /** Where the person behind an address stands for the target license, as the relicensing report says. */
    public record Standing(String contributor, String status, boolean cleared) {
    }

    /** A file the blame did not look into: {@code BINARY} or {@code TOO_LARGE}. */
    public record Skipped(String path, String reason, long bytes) {
    }

    /** Someone whose lines in a file are not cleared, with their status and how many of the file's lines are theirs. */
    public record Blocker(String contributor, String status, long lines) {
    }

    /** One file: its surviving lines, how many are cleared, and who blocks the rest (most lines first). */
    public record FileVerdict(String path, long lines, long linesCleared, boolean cleared, List<Blocker> blockedBy) {

        long linesBlocked() {
            return lines - linesCleared;
        }
    }

    /** One person's surviving lines over the whole revision, and in how many files. */
    public record ContributorLines(String contributor, List<String> emails, String status, boolean cleared, long lines,
            long files) {
    }

    /** Files and surviving lines, all and cleared. */
    public record Totals(long files, long filesCleared, long filesSkipped, long lines, long linesCleared,
            double linesShare) {

        static Totals of(long files, long filesCleared, long filesSkipped, long lines, long linesCleared) {
            double share = lines == 0 ? 1.0 : Math.round(linesCleared * 10000.0 / lines) / 10000.0;
            return new Totals(files, filesCleared, filesSkipped, lines, linesCleared, share);
        }
    }

    /** What {@link FileVerdicts} decides: totals, people by surviving lines, files most blocked first. */
    public record Decided(Totals totals, List<ContributorLines> contributors, List<FileVerdict> files) {
    }

    /** The whole answer, with the revision and blame job it comes from and the files the blame skipped. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verdicts(String repository, String target, String revision, long blameJob, Totals totals,
            List<ContributorLines> contributors, List<FileVerdict> files, List<Skipped> skipped) {
    }
}
