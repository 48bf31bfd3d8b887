package dev.covenant.relicensing.history;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.covenant.api.InvalidInputException;

/**
 * A clone URL the service agrees to fetch: {@code https://}, {@code http://} or {@code git://} with a host and no
 * credentials in it, or a {@code file:} URL of a directory inside one of the configured local roots (after
 * following symbolic links), so that an API caller cannot make the service read its own files. Everything else,
 * {@code ssh://}, scp-like {@code user@host:path}, JGit's {@code ext::} among them, is refused naming
 * {@code cloneUrl}. A network URL whose host resolves to an address inside the service's network (loopback,
 * private, link-local and the metadata service, CGNAT, unique-local) is refused too ({@link InternalAddresses}).
 */
public record CloneUrl(String url, URI uri, Path localPath) {

    public static final String FIELD = "cloneUrl";
    private static final Set<String> REMOTE = Set.of("https", "http", "git");

    public static CloneUrl parse(String text, List<Path> localRoots) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of(FIELD, "is required: the URL of the repository to clone");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw refused("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (REMOTE.contains(scheme)) {
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw refused("has no host");
            }
            if (uri.getRawUserInfo() != null) {
                throw refused("must not carry credentials; a private GitHub repository is cloned with the App's token");
            }
            InternalAddresses.refusal(uri.getHost()).ifPresent(why -> {
                throw refused(why);
            });
            if (scheme.equals("git")) {
                return pinned(uri);
            }
            return new CloneUrl(uri.toString(), uri, null);
        }
        if (scheme.equals("file")) {
            return new CloneUrl(uri.toString(), uri, local(uri, localRoots));
        }
        throw refused("must be an https://, http:// or git:// URL (or a file: URL inside"
                + " covenant.relicensing.local-clone-roots)");
    }

    /**
     * A {@code git://} URL with its host replaced by the address it resolved to and was judged by, so that the
     * connection cannot go elsewhere. (JGit's HTTP connections are checked as they open: {@link GuardedHttpConnections}.)
     */
    private static CloneUrl pinned(URI uri) {
        String host = uri.getHost();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        java.net.InetAddress address;
        try {
            address = java.net.InetAddress.getByName(bare);
        } catch (java.net.UnknownHostException e) {
            return new CloneUrl(uri.toString(), uri, null);
        }
        String literal = address instanceof java.net.Inet6Address
                ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress();
        try {
            URI at = new URI(uri.getScheme(), null, literal, uri.getPort(), uri.getPath(), null, null);
            return new CloneUrl(at.toString(), at, null);
        } catch (URISyntaxException e) {
            throw refused("is not a URL: " + e.getReason());
        }
    }

    private static Path local(URI uri, List<Path> roots) {
        Path path;
        try {
            path = Path.of(uri).toRealPath();
        } catch (IOException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw refused("names no readable local directory");
        }
        for (Path root : roots) {
            try {
                if (path.startsWith(root.toRealPath())) {
                    return path;
                }
            } catch (IOException e) {
                // A configured root that does not exist allows nothing.
            }
        }
        throw refused("points at a local path outside covenant.relicensing.local-clone-roots");
    }

    private static InvalidInputException refused(String message) {
        return InvalidInputException.of(FIELD, message);
    }
}
