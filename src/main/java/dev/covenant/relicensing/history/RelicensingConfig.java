package dev.covenant.relicensing.history;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Min;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** History imports and relicensing reports. */
@ConfigMapping(prefix = "covenant.relicensing")
public interface RelicensingConfig {

    /**
     * The largest history upload ({@code POST /api/repos/{o}/{r}/history}, text/plain); the body is stored in
     * PostgreSQL in 1 MiB chunks as it arrives, never held in memory, and deleted when its import ends. Beyond 2G,
     * raise {@code quarkus.http.limits.max-body-size} as well.
     */
    @WithDefault("2G")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxUpload();

    /**
     * Local directories a {@code file:} clone URL may point into; empty (the default) refuses every local path, so an
     * API caller cannot make the service read its own files.
     */
    Optional<List<Path>> localCloneRoots();

    /**
     * Where clones are made while an import or a blame job runs, in a directory of each instance's own; the system's
     * temporary directory if unset. Several instances may share it: each deletes the directories of instances that
     * are no longer running.
     */
    Optional<Path> workDir();

    /**
     * An upload that no queued or running import needs (the request broke off, the instance that received it died
     * before queuing its import) is deleted once untouched this long; so is a history an older version spooled to
     * the work directory ({@code history-*.txt}).
     */
    @WithDefault("PT1H")
    Duration abandonedAfter();

    /** How often each instance deletes abandoned uploads and the work directories of instances no longer running. */
    @WithDefault("PT10M")
    Duration sweepInterval();

    /** How many imports run at once in this instance; more wait in line (QUEUED). */
    @WithDefault("1")
    int importWorkers();

    /** How many blame jobs (surviving lines) run at once in this instance; more wait in line (QUEUED). */
    @WithDefault("1")
    int blameWorkers();

    /**
     * The largest file a blame job blames; larger ones (generated or vendored code, mostly) are skipped and listed as
     * {@code TOO_LARGE}. Blaming a file holds each of its versions in memory in turn.
     */
    @WithDefault("4M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize blameMaxFileSize();

    /**
     * The git a blame job runs ({@code git blame -w -M}), by name on the PATH or by path; where it cannot be run, or
     * with {@code none}, JGit blames instead, which does not keep lines moved within a file with who wrote them.
     * The job's answer names which one blamed ({@code engine}).
     */
    @WithDefault("git")
    String blameGit();

    /** How many files one blame job blames at once; 0 (the default) for as many as the machine has cores. */
    @WithDefault("0")
    @Min(0)
    int blameThreads();

    /**
     * How many blamed revisions of a repository keep their surviving lines: the newest ones. A blame that finishes
     * deletes the lines of older revisions, which then no longer have verdicts (a blame holds a row per file and
     * source commit, so re-blaming a large repository every week would otherwise grow without end).
     */
    @WithDefault("5")
    @Min(1)
    int blameRevisionsKept();
}
