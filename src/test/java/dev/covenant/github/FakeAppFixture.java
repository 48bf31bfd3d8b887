package dev.covenant.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.extras.authorization.JWTTokenProvider;

/** A GitHub App key pair and its installation tokens, obtained as GitHub API for Java obtains them. */
public final class FakeAppFixture {

    private FakeAppFixture() {
    }

    public static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key as PKCS#8 PEM text, one form COVENANT_GITHUB_APP_PRIVATE_KEY takes. */
    public static String pkcs8Pem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** A token through the App's JWT: {@code GET /app/installations/{id}}, then its {@code access_tokens}. */
    static String installationToken(FakeGitHub fake, long appId, KeyPair keys, long installationId) {
        try {
            GitHub app = new GitHubBuilder().withEndpoint(fake.apiUrl())
                    .withAuthorizationProvider(new JWTTokenProvider(String.valueOf(appId), keys.getPrivate())).build();
            return app.getApp().getInstallationById(installationId).createToken().create().getToken();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GitHub client(FakeGitHub fake, String installationToken) {
        try {
            return new GitHubBuilder().withEndpoint(fake.apiUrl()).withAppInstallationToken(installationToken).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
