package dev.covenant.relicensing.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system's {@code git}, where one is installed: the clone import reads its history with
 * {@code git log --parents --numstat --no-renames --use-mailmap} in {@link GitLogParser#FORMAT}, so that its lines
 * added and removed are git's own (JGit's diff differs from git's on 0.6-0.9% of lines). In a bare clone git reads
 * the {@code .mailmap} at HEAD, the one the import keeps.
 */
public final class SystemGit {

    private static volatile Boolean installed;
    private static volatile boolean clones;

    private SystemGit() {
    }

    /** Whether {@code git} runs here; asked once. */
    static boolean installed() {
        if (installed == null) {
            try {
                Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
                String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                boolean runs = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
                clones = runs && pinsAddresses(version);
                installed = runs;
            } catch (IOException e) {
                installed = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return installed;
    }

    /**
     * Whether {@code git} here may clone: it must be 2.37 or newer, the first to take {@code http.curloptResolve}, by
     * which {@link SystemGitClone} pins a host to the addresses it judged. An older one leaves cloning to JGit.
     */
    static boolean clones() {
        return installed() && clones;
    }

    /** {@code git version 2.39.5} (or a vendor's {@code 2.39.5.windows.1}, {@code 2.37.1 (Apple Git-137)}). */
    static boolean pinsAddresses(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.find()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major > 2 || major == 2 && minor >= 37;
    }

    private static final Pattern VERSION = Pattern.compile("git version (\\d+)\\.(\\d+)");

    /** How many commits HEAD of {@code gitDir} reaches ({@code git rev-list --count HEAD}); HEAD must exist. */
    static long count(Path gitDir) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("git", "--git-dir=" + gitDir, "rev-list", "--count", "HEAD")
                .redirectErrorStream(true);
        isolate(builder.environment());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("git rev-list --count failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while git rev-list ran", e);
        } finally {
            p.destroyForcibly();
        }
        try {
            return Long.parseLong(out);
        } catch (NumberFormatException e) {
            throw new IOException("git rev-list --count answered " + out, e);
        }
    }

    /**
     * Nothing of the service's own git or proxy settings reaches a git it runs (clone, log, blame): no system or user
     * configuration (a {@code diff.algorithm} or {@code blame.ignoreRevsFile} would change the answers), no
     * {@code GIT_*} variable, proxy or prompt.
     */
    public static void isolate(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("GIT_") || k.equalsIgnoreCase("http_proxy")
                || k.equalsIgnoreCase("https_proxy") || k.equalsIgnoreCase("all_proxy")
                || k.equalsIgnoreCase("no_proxy") || k.equals("SSH_ASKPASS"));
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_TERMINAL_PROMPT", "0");
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
            isolate(builder.environment());
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
