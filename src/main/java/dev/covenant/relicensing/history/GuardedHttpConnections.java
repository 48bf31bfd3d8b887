package dev.covenant.relicensing.history;

import java.io.IOException;
import java.net.Proxy;
import java.net.URL;

import org.eclipse.jgit.transport.HttpTransport;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * JGit's HTTP connections, each checked as it opens: the first request of a clone, and every redirect it follows,
 * must go to a public address ({@link InternalAddresses}). The check resolves the host as the connection will (the
 * JVM keeps a resolved name for {@code networkaddress.cache.ttl}, 30 s, whatever the DNS answer's own time to live),
 * so a name that resolved to a public address when the URL was accepted cannot be switched to an inside one for the
 * connection.
 */
final class GuardedHttpConnections extends JDKHttpConnectionFactory {

    private static final GuardedHttpConnections INSTANCE = new GuardedHttpConnections();

    /** Makes every JGit HTTP connection of this JVM a guarded one. */
    static void install() {
        if (HttpTransport.getConnectionFactory() != INSTANCE) {
            HttpTransport.setConnectionFactory(INSTANCE);
        }
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        check(url);
        return super.create(url);
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
        check(url);
        return super.create(url, proxy);
    }

    private static void check(URL url) throws IOException {
        if (InternalAddresses.refusal(url.getHost()).isPresent()) {
            throw new IOException("refused to connect to " + url.getHost() + ": an address inside the network");
        }
    }
}
