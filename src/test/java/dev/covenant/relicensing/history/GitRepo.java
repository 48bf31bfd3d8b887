package dev.covenant.relicensing.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A throwaway git repository driven with the real git CLI, with fixed dates so that every run builds the same
 * history shape. The directory lives under the temporary directory, which the test profile allows for clones.
 */
public final class GitRepo {

    public final Path dir;
    private final Path home;
    private long tick = 1_600_000_000L;

    public GitRepo() throws IOException {
        this.dir = Files.createTempDirectory("relic-repo-");
        this.home = Files.createTempDirectory("relic-home-");
        git("init", "-q", "-b", "main");
    }

    public void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    public void writeBytes(String path, byte[] bytes) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** Stages everything and commits as the given author (Grace Hopper commits), an hour after the last commit. */
    public void commit(String name, String email, String message) {
        git("add", "-A");
        as(name, email, "commit", "-q", "--allow-empty", "-m", message);
    }

    /** Makes the next commit's dates {@code at} (and later ones an hour apart from it): any date, a future one too. */
    public void jumpTo(Instant at) {
        tick = at.getEpochSecond() - 3600;
    }

    public void as(String name, String email, String... args) {
        tick += 3600;
        run(Map.of("GIT_AUTHOR_NAME", name, "GIT_AUTHOR_EMAIL", email, "GIT_AUTHOR_DATE", "@" + tick + " +0200",
                "GIT_COMMITTER_NAME", "Grace Hopper", "GIT_COMMITTER_EMAIL", "grace@committer.example",
                "GIT_COMMITTER_DATE", "@" + (tick + 60) + " +0000"), args);
    }

    public String git(String... args) {
        return run(Map.of(), args);
    }

    private String run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotePath=true"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("TZ", "UTC");
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run git", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
