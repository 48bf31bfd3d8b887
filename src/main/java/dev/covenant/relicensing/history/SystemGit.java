package dev.covenant.relicensing.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The system's {@code git}, where one is installed: the clone import reads its history with
 * {@code git log --parents --numstat --no-renames --use-mailmap} in {@link GitLogParser#FORMAT}, so that its lines
 * added and removed are git's own (JGit's diff differs from git's on 0.6-0.9% of lines). In a bare clone git reads
 * the {@code .mailmap} at HEAD, the one the import keeps.
 */
final class SystemGit {

    private static volatile Boolean installed;

    private SystemGit() {
    }

    /** Whether {@code git} runs here; asked once. */
    static boolean installed() {
        if (installed == null) {
            try {
                Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                installed = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                installed = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return installed;
    }

    /** A running {@code git log} of HEAD in {@code gitDir}; its errors go to a file beside it. */
    static final class Log implements AutoCloseable {

        private final Process process;
        private final Path errors;

        Log(Path gitDir, Path workDir) throws IOException {
            this.errors = Files.createTempFile(Files.createDirectories(workDir), "git-log-", ".err");
            ProcessBuilder builder = new ProcessBuilder(
                    List.of("git", "--git-dir=" + gitDir, "-c", "core.quotePath=true",
                            "-c", "log.showSignature=false", "-c", "i18n.logOutputEncoding=UTF-8", "--no-pager", "log",
                            "--parents", "--numstat", "--no-renames", "--use-mailmap", "--no-color",
                            "--pretty=" + GitLogParser.FORMAT,
                            "HEAD"))
                    .redirectError(errors.toFile());
            builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            builder.environment().put("GIT_TERMINAL_PROMPT", "0");
            builder.environment().remove("GIT_DIR");
            this.process = builder.start();
        }

        InputStream output() {
            return process.getInputStream();
        }

        /** Waits for git to end; throws with what it said if it failed. */
        void finish() throws IOException {
            try {
                if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new IOException("git log failed: " + Files.readString(errors).strip());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while git log ran", e);
            }
        }

        @Override
        public void close() throws IOException {
            process.destroy();
            Files.deleteIfExists(errors);
        }
    }
}
