package dev.covenant.relicensing.history;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One history import as the API shows it: where it stands, how far it got (commits done of total, bytes read of
 * total for an upload), how fast ({@code rate} in commits per second) and how long it should still take
 * ({@code etaSeconds}), once read its head commit and the SHA-256 of the history read, which tool counted a clone's
 * lines ({@code numstat}: {@code GIT} for the system's git, {@code JGIT} where none is installed) and which made
 * the clone ({@code clonedBy}: {@code GIT}, or {@code JGIT} where git is missing or older than 2.37), and on
 * failure the error with the offending line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportJob(long id, String repository, String source, String cloneUrl, String state, String phase,
        long commitsDone, Long commitsTotal, long bytesRead, Long bytesTotal, Long commitsAdded, Double rate,
        Long etaSeconds, Instant createdAt, Instant startedAt, Instant updatedAt, Instant finishedAt, String headSha,
        String historySha256, String numstat, String clonedBy, Error error) {

    /** Why an import failed; {@code line} and {@code text} name the offending line of an uploaded history. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String message, Long line, String text) {
    }

    public String location() {
        return "/api/repos/" + repository + "/history/" + id;
    }
}
