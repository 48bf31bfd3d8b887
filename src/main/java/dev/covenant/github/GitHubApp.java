package dev.covenant.github;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.authorization.AppInstallationAuthorizationProvider;
import org.kohsuke.github.extras.authorization.JWTTokenProvider;

/**
 * Covenant as a GitHub App: a JWT signed with the App's private key (GitHub API for Java's {@link JWTTokenProvider},
 * good for ten minutes and renewed by it) is exchanged for installation tokens ({@link
 * AppInstallationAuthorizationProvider}: {@code GET /app}, {@code GET /app/installations/{id}}, {@code POST
 * /app/installations/{id}/access_tokens}), each kept until five minutes before its {@code expires_at}.
 *
 * <p>Configuration: {@code COVENANT_GITHUB_APP_ID}, {@code COVENANT_GITHUB_APP_PRIVATE_KEY} (PEM text or a file
 * path; see {@link GitHubAppConfig}), and {@code COVENANT_GITHUB_API_URL} for the API base. Without the first two
 * the App is not {@link #configured()}. Safe for concurrent use.
 */
@ApplicationScoped
public class GitHubApp {

    static final String ID_VARIABLE = "COVENANT_GITHUB_APP_ID";
    static final String KEY_VARIABLE = "COVENANT_GITHUB_APP_PRIVATE_KEY";

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    /** DER of PKCS#8's AlgorithmIdentifier for rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private final String apiUrl;
    private final String appId;
    /** Null when the App is not configured. */
    private final JWTTokenProvider jwt;
    private final ConcurrentMap<Long, Installation> installations = new ConcurrentHashMap<>();

    private record Installation(GitHub github, AppInstallationAuthorizationProvider tokens) {
    }

    @Inject
    GitHubApp(GitHubConfig github, GitHubAppConfig app) {
        this(github.apiUrl(), app.appId().orElse(null), app.appPrivateKey().orElse(null));
    }

    /**
     * @param privateKey PEM text or the path of a PEM file; with {@code appId}, null leaves the App unconfigured
     * @throws IllegalStateException when a key is given but cannot be read as an RSA private key
     */
    GitHubApp(String apiUrl, String appId, String privateKey) {
        this.apiUrl = apiUrl;
        this.appId = appId == null || appId.isBlank() ? null : appId.trim();
        // A bad key is reported even while the id is missing.
        PrivateKey key = privateKey == null || privateKey.isBlank() ? null : loadPrivateKey(privateKey);
        this.jwt = this.appId != null && key != null ? new JWTTokenProvider(this.appId, key) : null;
    }

    /** Whether both the App id and its private key are set. */
    public boolean configured() {
        return jwt != null;
    }

    /**
     * A client acting as the App's installation, authenticated with an installation token. The token is created on
     * the first call for an installation and reused, by this and every later client for it, until five minutes before
     * it expires; a fresh one is then created on the next request.
     *
     * @throws IllegalStateException when the App is not {@link #configured()}
     * @throws GitHubAppException when GitHub refuses the App's JWT, does not know the installation, or fails
     */
    public GitHub forInstallation(long installationId) {
        Installation installation = installation(installationId);
        authorize(installationId, installation);
        return installation.github();
    }

    /**
     * The {@code Authorization} header value ({@code token ghs_…}) for calling GitHub as the installation, from the
     * same token cache as {@link #forInstallation}.
     *
     * @throws IllegalStateException when the App is not {@link #configured()}
     * @throws GitHubAppException as {@link #forInstallation}
     */
    public String authorization(long installationId) {
        return authorize(installationId, installation(installationId));
    }

    /** Drops the cached token of an installation, after GitHub refused it, so that the next call mints a new one. */
    public void forget(long installationId) {
        installations.remove(installationId);
    }

    private Installation installation(long installationId) {
        if (jwt == null) {
            throw new IllegalStateException(
                    "The GitHub App is not configured: set " + ID_VARIABLE + " and " + KEY_VARIABLE);
        }
        return installations.computeIfAbsent(installationId, this::newInstallation);
    }

    private String authorize(long installationId, Installation installation) {
        try {
            // Creates or renews the token now, so that a refusal is reported here rather than by the first call.
            return installation.tokens().getEncodedAuthorization();
        } catch (IOException e) {
            installations.remove(installationId, installation);
            int status = status(e);
            throw new GitHubAppException("GitHub " + (status == 0 ? "could not be reached" : "answered " + status)
                    + " when GitHub App " + appId + " asked for a token of installation " + installationId + ": "
                    + e.getMessage(), status, e);
        }
    }

    private Installation newInstallation(long installationId) {
        AppInstallationAuthorizationProvider tokens = new AppInstallationAuthorizationProvider(
                app -> app.getInstallationById(installationId), jwt);
        try {
            GitHub github = new GitHubBuilder().withEndpoint(apiUrl).withAuthorizationProvider(tokens).build();
            return new Installation(github, tokens);
        } catch (IOException e) {
            throw new GitHubAppException("Cannot set up a GitHub client for " + apiUrl + ": " + e.getMessage(), 0, e);
        }
    }

    /** GitHub's status behind a library failure, 0 if it did not answer. */
    private static int status(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http && http.getResponseCode() > 0) {
                return http.getResponseCode();
            }
        }
        return e instanceof FileNotFoundException ? 404 : 0;
    }

    /**
     * Reads an RSA private key from PEM text or a PEM file: PKCS#8 ("BEGIN PRIVATE KEY") as is, PKCS#1 ("BEGIN RSA
     * PRIVATE KEY", what GitHub hands out) wrapped into PKCS#8 first, since the JDK reads only the latter.
     */
    static PrivateKey loadPrivateKey(String textOrPath) {
        String text = textOrPath.strip();
        if (!text.contains("-----BEGIN")) {
            try {
                text = Files.readString(Path.of(text), StandardCharsets.US_ASCII);
            } catch (IOException | InvalidPathException e) {
                throw new IllegalStateException(KEY_VARIABLE + " is neither PEM text nor a readable file: " + e, e);
            }
        }
        // One-line environment values often carry the line breaks as a literal backslash-n.
        Matcher pem = PEM.matcher(text.replace("\\n", "\n"));
        if (!pem.find()) {
            throw new IllegalStateException(
                    KEY_VARIABLE + " holds no PEM block (-----BEGIN ...----- ... -----END ...-----)");
        }
        String label = pem.group(1);
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.group(2).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY_VARIABLE + " has a PEM block that is not valid base64", e);
        }
        byte[] pkcs8 = switch (label) {
            case "PRIVATE KEY" -> der;
            case "RSA PRIVATE KEY" -> pkcs1ToPkcs8(der);
            default -> throw new IllegalStateException(KEY_VARIABLE + " is a PEM \"" + label
                    + "\"; expected an unencrypted RSA private key (\"RSA PRIVATE KEY\" or \"PRIVATE KEY\")");
        };
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(KEY_VARIABLE + " is not a readable RSA private key: " + e.getMessage(), e);
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { version INTEGER 0, algorithm rsaEncryption, privateKey OCTET STRING pkcs1 }. */
    private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] octets = der(0x04, pkcs1);
        byte[] body = new byte[3 + RSA_ALGORITHM.length + octets.length];
        body[0] = 0x02;
        body[1] = 0x01;
        body[2] = 0x00;
        System.arraycopy(RSA_ALGORITHM, 0, body, 3, RSA_ALGORITHM.length);
        System.arraycopy(octets, 0, body, 3 + RSA_ALGORITHM.length, octets.length);
        return der(0x30, body);
    }

    /** A DER tag-length-value with the definite length in short or long form. */
    private static byte[] der(int tag, byte[] content) {
        int length = content.length;
        int lengthBytes = length < 0x80 ? 0 : length < 0x100 ? 1 : length < 0x10000 ? 2 : length < 0x1000000 ? 3 : 4;
        byte[] out = new byte[2 + lengthBytes + length];
        out[0] = (byte) tag;
        if (lengthBytes == 0) {
            out[1] = (byte) length;
        } else {
            out[1] = (byte) (0x80 | lengthBytes);
            for (int i = 0; i < lengthBytes; i++) {
                out[2 + i] = (byte) (length >>> (8 * (lengthBytes - 1 - i)));
            }
        }
        System.arraycopy(content, 0, out, 2 + lengthBytes, length);
        return out;
    }
}
