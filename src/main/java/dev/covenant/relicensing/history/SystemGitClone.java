package dev.covenant.relicensing.history;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;

/**
 * {@code git clone --bare} with the system's git (a third of JGit's time on a 35,000-commit history), held to what
 * the JGit clone was held to: only the URL's own protocol, no redirect (JGit's followed redirects were each checked
 * by {@link GuardedHttpConnections}; git's cannot be), the host pinned with {@code http.curloptResolve} to the
 * addresses judged public here so that a second DNS answer cannot point it inside, no configuration, credential
 * helper, prompt or proxy of the service's environment, and the App's token, when there is one, in the environment
 * rather than on the command line, sent only to that host.
 */
final class SystemGitClone {

    /** A clone that stalls this long (under a byte a second over HTTP) is given up, as JGit's timeout did. */
    private static final int STALL_SECONDS = 300;
    /** Past this, a clone is given up whatever it is doing (a git:// transfer has no stall limit of its own). */
    private static final long MAX_MINUTES = 120;

    private SystemGitClone() {
    }

    /**
     * Clones {@code url} into the empty directory {@code dir}; with {@code headOnly} only the default branch's history
     * (what an import reads). Throws {@link IOException} with git's own words when the clone fails.
     */
    static void run(CloneUrl url, Path dir, Optional<CredentialsProvider> credentials, boolean headOnly,
            Path workDir) throws IOException {
        String scheme = url.localPath() != null ? "file" : url.uri().getScheme().toLowerCase(Locale.ROOT);
        List<String> command = new ArrayList<>(List.of("git", "-c", "protocol.allow=never", "-c",
                "protocol." + scheme + ".allow=always", "-c", "http.followRedirects=false", "-c", "credential.helper=",
                "-c", "http.lowSpeedLimit=1", "-c", "http.lowSpeedTime=" + STALL_SECONDS));
        String from;
        if (url.localPath() != null) {
            // The transport, not a copy of the object files: what `git clone file://...` does, and no hard links into
            // a directory the service does not own.
            from = url.localPath().toUri().toString();
            command.addAll(List.of("-c", "safe.directory=" + url.localPath()));
        } else {
            from = url.url();
            if (scheme.startsWith("http")) {
                Optional<String> pin = pin(url);
                if (pin.isPresent()) {
                    command.addAll(List.of("-c", "http.curloptResolve=" + pin.get()));
                }
            }
        }
        command.addAll(List.of("clone", "--bare", "--quiet"));
        if (headOnly) {
            command.addAll(List.of("--single-branch", "--no-tags"));
        }
        command.addAll(List.of("--", from, dir.toString()));
        Path errors = Files.createTempFile(workDir, "git-clone-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile());
            SystemGit.isolate(builder.environment());
            authorization(url, credentials).ifPresent(header -> {
                builder.environment().put("GIT_CONFIG_COUNT", "1");
                builder.environment().put("GIT_CONFIG_KEY_0", "http.extraHeader");
                builder.environment().put("GIT_CONFIG_VALUE_0", header);
            });
            Process process = builder.start();
            try {
                if (!process.waitFor(MAX_MINUTES, TimeUnit.MINUTES)) {
                    throw new IOException("git clone ran past " + MAX_MINUTES + " minutes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while git clone ran", e);
            } finally {
                process.destroyForcibly();
            }
            if (process.exitValue() != 0) {
                throw new IOException("git clone failed: " + Files.readString(errors).strip());
            }
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /**
     * {@code host:port:address,...} for curl: every address the host resolves to now, each judged public, so that
     * git connects to one of them and to nothing a later DNS answer names; none for a host written as an address,
     * which is only judged.
     */
    static Optional<String> pin(CloneUrl url) throws IOException {
        String host = url.uri().getHost();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = url.uri().getPort() != -1
                ? url.uri().getPort()
                : "https".equalsIgnoreCase(url.uri().getScheme()) ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new IOException("unknown host " + bare, e);
        }
        List<String> literals = new ArrayList<>();
        for (InetAddress address : addresses) {
            if (InternalAddresses.isInternal(address)) {
                throw new IOException("refused to connect to " + bare + ": an address inside the network");
            }
            literals.add(address instanceof java.net.Inet6Address
                    ? "[" + address.getHostAddress() + "]"
                    : address.getHostAddress());
        }
        boolean literal = host.startsWith("[") || bare.matches("[0-9.]+");
        return literal ? Optional.empty() : Optional.of(bare + ":" + port + ":" + String.join(",", literals));
    }

    /** The App's token as an HTTP Basic header, only for an https URL (the token never goes in clear). */
    private static Optional<String> authorization(CloneUrl url, Optional<CredentialsProvider> credentials)
            throws IOException {
        if (credentials.isEmpty() || url.localPath() != null || !"https".equalsIgnoreCase(url.uri().getScheme())) {
            return Optional.empty();
        }
        CredentialItem.Username user = new CredentialItem.Username();
        CredentialItem.Password password = new CredentialItem.Password();
        try {
            if (!credentials.get().supports(user, password)
                    || !credentials.get().get(new URIish(url.url()), user, password)) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            throw new IOException("not a URL git understands: " + url.url(), e);
        }
        String pair = user.getValue() + ":" + new String(password.getValue());
        password.clear();
        return Optional.of("Authorization: Basic "
                + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
}
