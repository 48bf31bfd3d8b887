package dev.covenant.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Many HTTP/1.1 requests sent at the same moment, each on a connection of its own, timed from the connect to the last
 * byte of the answer, by one thread and one selector. A burst timed by two hundred clients of a Java HTTP library
 * measured the library as much as the service: in the click phase of the signing benchmark its compiler and threads
 * took as much of the two cores as the service did. This sends bytes a person's browser would send and reads what
 * comes back; it understands the answers it needs (a status, headers, a body by Content-Length or chunked) and
 * nothing else.
 */
final class RawBurst {

    /** One request as sent on the wire, and what came back. */
    static final class Exchange {
        long nanos = -1;
        int status = -1;
        String location;
        String failure;
        private final ByteBuffer out;
        private final StringBuilder in = new StringBuilder();
        private long started;
        private int bodyStart = -1;
        private long contentLength = -1;
        private boolean chunked;

        Exchange(String request) {
            this.out = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
        }

        /** The answer is whole: its headers read and its body to the length they announce. */
        private boolean complete() {
            if (bodyStart < 0) {
                int end = in.indexOf("\r\n\r\n");
                if (end < 0) {
                    return false;
                }
                bodyStart = end + 4;
                String[] lines = in.substring(0, end).split("\r\n");
                status = Integer.parseInt(lines[0].split(" ")[1]);
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = lines[i].substring(colon + 1).trim();
                    switch (name) {
                        case "location" -> location = value;
                        case "content-length" -> contentLength = Long.parseLong(value);
                        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                        default -> {
                        }
                    }
                }
            }
            if (chunked) {
                return in.indexOf("\r\n0\r\n\r\n", bodyStart - 2) >= 0;
            }
            return in.length() - bodyStart >= Math.max(0, contentLength);
        }
    }

    private RawBurst() {
    }

    /** A POST of a form, as a browser sends it. */
    static String formPost(String host, int port, String path, String cookie, String form) {
        int length = form.getBytes(StandardCharsets.UTF_8).length;
        return "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + "User-Agent: covenant-signing-benchmark\r\nAccept: text/html\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + length + "\r\n"
                + (cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n") + "\r\n" + form;
    }

    /**
     * Opens a connection for each exchange, all at once, sends each request as soon as its connection is up, and
     * waits for every answer until the deadline; each exchange gets its time, status and Location, or its failure.
     */
    static void run(String host, int port, List<Exchange> exchanges, long deadlineNanos) {
        try (Selector selector = Selector.open()) {
            List<SocketChannel> channels = new ArrayList<>(exchanges.size());
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                for (Exchange e : exchanges) {
                    SocketChannel channel = SocketChannel.open();
                    channels.add(channel);
                    channel.configureBlocking(false);
                    channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                    e.started = System.nanoTime();
                    boolean connected = channel.connect(new InetSocketAddress(host, port));
                    channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, e);
                }
                int open = exchanges.size();
                while (open > 0) {
                    long left = deadlineNanos - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    selector.select(Math.max(1, left / 1_000_000));
                    for (SelectionKey key : selector.selectedKeys()) {
                        if (!key.isValid()) {
                            continue;
                        }
                        Exchange e = (Exchange) key.attachment();
                        SocketChannel channel = (SocketChannel) key.channel();
                        try {
                            if (key.isConnectable() && channel.finishConnect()) {
                                key.interestOps(SelectionKey.OP_WRITE);
                            }
                            if (key.isValid() && key.isWritable()) {
                                channel.write(e.out);
                                if (!e.out.hasRemaining()) {
                                    key.interestOps(SelectionKey.OP_READ);
                                }
                            }
                            if (key.isValid() && key.isReadable()) {
                                buffer.clear();
                                int read = channel.read(buffer);
                                if (read > 0) {
                                    e.in.append(new String(buffer.array(), 0, read, StandardCharsets.ISO_8859_1));
                                }
                                if (read > 0 && e.complete()) {
                                    e.nanos = System.nanoTime() - e.started;
                                    key.cancel();
                                    open--;
                                } else if (read < 0) {
                                    e.failure = "the connection closed before the whole answer (" + e.in.length()
                                            + " bytes read)";
                                    key.cancel();
                                    open--;
                                }
                            }
                        } catch (IOException | RuntimeException failed) {
                            e.failure = String.valueOf(failed);
                            key.cancel();
                            open--;
                        }
                    }
                    selector.selectedKeys().clear();
                }
                for (Exchange e : exchanges) {
                    if (e.nanos < 0 && e.failure == null) {
                        e.failure = "no whole answer before the deadline";
                    }
                }
            } finally {
                for (SocketChannel channel : channels) {
                    channel.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
