package dev.covenant.relicensing.blame;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.jboss.logging.Logger;

import dev.covenant.relicensing.history.SystemGit;

/**
 * Blames files of one commit with the system's git: {@code git blame -w -M --porcelain}, the very command the
 * credits are defined by (whitespace ignored, renames followed, lines moved within a file kept by who wrote them),
 * its output read as it comes, one line at a time. The porcelain names the commit before every line, so a file
 * costs memory by its number of commits, not its size. git's own {@code .mailmap} is switched off: the author is
 * mapped once, by ours ({@link Credits}), with the mailmap the history was imported with.
 */
final class GitBlame implements BlameEngine {

    private static final Logger LOG = Logger.getLogger(GitBlame.class);
    private static final long VERSION_TIMEOUT_SECONDS = 10;

    private final String git;
    private final String version;
    private final Path gitDir;
    private final String commit;

    private GitBlame(String git, String version, Path gitDir, ObjectId commit) {
        this.git = git;
        this.version = version;
        this.gitDir = gitDir;
        this.commit = commit.name();
    }

    /** A git blame of {@code commit} in the repository at {@code gitDir}, if {@code git} runs here. */
    static Optional<GitBlame> find(String git, Path gitDir, ObjectId commit) {
        return version(git).map(v -> new GitBlame(git, v, gitDir, commit));
    }

    /** What {@code git --version} says ({@code 2.39.5}), or empty when it cannot be run. */
    static Optional<String> version(String git) {
        try {
            Process process = new ProcessBuilder(git, "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(VERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0
                    || !out.startsWith("git version ")) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(out.substring("git version ".length()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return "git " + version;
    }

    @Override
    public Map<ObjectId, Long> sources(String path) throws IOException {
        Path errors = Files.createTempFile("blame-", ".err");
        try {
            ProcessBuilder command = command("-c", "mailmap.file=", "-c", "mailmap.blob=", "blame", "-w", "-M",
                    "--porcelain", commit, "--", path).redirectError(errors.toFile());
            Process process = command.start();
            Map<ObjectId, Long> lines;
            try (InputStream out = process.getInputStream()) {
                lines = read(out);
            }
            int exit = waitFor(process);
            if (exit != 0) {
                throw new IOException("git blame of " + path + " exited with " + exit + ": "
                        + Files.readString(errors, StandardCharsets.UTF_8).strip());
            }
            return lines;
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /**
     * Counts the non-blank lines of each commit. Every line of the file comes as a header naming its commit
     * ({@code <sha> <line> <line> [<count>]}), the commit's fields the first time it appears, then the line itself
     * after a tab. Read byte by byte, lines ending at LF only (a CR inside a line is part of it, as in git), so any
     * encoding passes through, whitespace is judged as JGit's blame judges it, and a long line costs no memory.
     */
    private static Map<ObjectId, Long> read(InputStream stream) throws IOException {
        Map<ObjectId, Long> lines = new HashMap<>();
        byte[] head = new byte[Constants.OBJECT_ID_STRING_LENGTH + 1];
        byte[] buffer = new byte[1 << 16];
        ObjectId current = null;
        boolean atStart = true;
        boolean content = false;
        boolean blank = true;
        int headLength = 0;
        for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '\n') {
                    if (content && !blank) {
                        if (current == null) {
                            throw new IOException("git blame gave a line before naming its commit");
                        }
                        lines.merge(current, 1L, Long::sum);
                    } else if (!content && headLength == head.length
                            && head[Constants.OBJECT_ID_STRING_LENGTH] == ' ') {
                        current = commitOf(head, current);
                    }
                    atStart = true;
                    continue;
                }
                if (atStart) {
                    atStart = false;
                    content = b == '\t';
                    blank = true;
                    headLength = 0;
                    if (content) {
                        continue;
                    }
                }
                if (content) {
                    blank &= FileBlame.blank(b);
                } else if (headLength < head.length) {
                    head[headLength++] = b;
                }
            }
        }
        return lines;
    }

    /** The commit a header names, or {@code current} when the line is a field that only looks like one. */
    private static ObjectId commitOf(byte[] head, ObjectId current) {
        String sha = new String(head, 0, Constants.OBJECT_ID_STRING_LENGTH, StandardCharsets.US_ASCII);
        if (!ObjectId.isId(sha)) {
            return current;
        }
        return current != null && current.name().equals(sha) ? current : ObjectId.fromString(sha);
    }

    /**
     * Writes the clone's commit-graph with changed-path Bloom filters, so that each file's blame skips the commits
     * that did not touch it without reading their trees (less than half the time on a history of thousands of
     * commits, for a second or so of writing). Only speed depends on it: without it (a git older than 2.27, a
     * failure), git blames the same, slower.
     */
    void writeCommitGraph() {
        try {
            Process process = command("commit-graph", "write", "--reachable", "--changed-paths")
                    .redirectErrorStream(true).start();
            String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int exit = waitFor(process);
            if (exit != 0) {
                LOG.warnf("git commit-graph write in %s exited with %d, blaming without it: %s", gitDir, exit, said);
            }
        } catch (IOException e) {
            LOG.warnf("git commit-graph write in %s failed, blaming without it: %s", gitDir, e.getMessage());
        }
    }

    /**
     * git on the clone, and nothing else: run in the git directory, since a repository with a work tree would read
     * the {@code .mailmap} of the directory git runs in; and without the machine's and the service user's settings
     * ({@code blame.ignoreRevsFile}, {@code diff.algorithm}), which must not change whom a line is credited to.
     */
    private ProcessBuilder command(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(git, "--git-dir=" + gitDir));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(gitDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.DISCARD.file());
        SystemGit.isolate(builder.environment());
        return builder;
    }

    private static int waitFor(Process process) throws IOException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("git blame was interrupted", e);
        }
    }
}
