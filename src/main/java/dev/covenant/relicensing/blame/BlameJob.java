package dev.covenant.relicensing.blame;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One blame job as the API shows it: the revision asked for and the commit it named, what blames it
 * ({@code engine}: {@code git 2.39.5}, the system's git, or {@code jgit} where no git runs), where the job stands, how far
 * it got (files done of total, of which skipped, surviving lines counted), how fast ({@code rate} in files per
 * second) and how long it should still take ({@code etaSeconds}), and on failure the error with the field it is
 * about.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlameJob(long id, String repository, String cloneUrl, String revision, String commit, String engine,
        String state,
        String phase, long filesDone, Long filesTotal, long filesSkipped, long lines, Double rate, Long etaSeconds,
        Instant createdAt, Instant startedAt, Instant updatedAt, Instant finishedAt, Error error) {

    /** Why a job failed; {@code field} names the request field at fault ({@code cloneUrl}, {@code revision}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String message, String field) {
    }

    public String location() {
        return "/api/repos/" + repository + "/relicensing/blame/" + id;
    }
}
