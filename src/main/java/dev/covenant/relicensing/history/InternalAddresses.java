package dev.covenant.relicensing.history;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Addresses a clone must not reach: the service's own machine and network (loopback, link-local with the cloud
 * metadata service at 169.254.169.254, private, carrier-grade NAT, unique-local IPv6, multicast, reserved). A host
 * is judged by every address it resolves to, and a numeric host only in its plain dotted form: the decimal, octal
 * and hexadecimal forms ({@code 2130706433}, {@code 0177.0.0.1}) are read differently by different tools.
 */
final class InternalAddresses {

    private static final Pattern DOTTED = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    private InternalAddresses() {
    }

    /** Why {@code host} may not be reached, or empty when it resolves only to public addresses (or not at all). */
    static Optional<String> refusal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!bare.contains(":") && looksNumeric(bare) && !DOTTED.matcher(bare).matches()) {
            return Optional.of("names its host as a number in a form other than a.b.c.d");
        }
        List<InetAddress> addresses;
        try {
            addresses = List.of(InetAddress.getAllByName(bare));
        } catch (UnknownHostException e) {
            // Nothing to connect to: the clone fails with the same message as any other unreachable host.
            return Optional.empty();
        }
        return addresses.stream().filter(InternalAddresses::isInternal).findFirst()
                .map(a -> "resolves to " + a.getHostAddress() + ", an address inside the service's network");
    }

    /** A host made of digits, dots and hex markers only, which name resolution would read as an address. */
    private static boolean looksNumeric(String host) {
        for (String part : host.split("\\.", -1)) {
            if (!part.matches("[0-9]+|0[xX][0-9a-fA-F]*")) {
                return false;
            }
        }
        return true;
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return internal4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local; ::/96 IPv4-compatible, 64:ff9b::/96 NAT64 and 2002::/16 6to4 carry an IPv4 inside.
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            if (zeros(b, 0, 12)) {
                return internal4(b[12] & 0xff, b[13] & 0xff, b[14] & 0xff);
            }
            if ((b[0] & 0xff) == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                    && zeros(b, 4, 12)) {
                return internal4(b[12] & 0xff, b[13] & 0xff, b[14] & 0xff);
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return internal4(b[2] & 0xff, b[3] & 0xff, b[4] & 0xff);
            }
        }
        return false;
    }

    private static boolean internal4(int a, int b, int c) {
        return a == 0 || a == 10 || a == 127 || a >= 224 // this network, private, loopback, multicast and reserved
                || a == 100 && b >= 64 && b < 128 // carrier-grade NAT
                || a == 169 && b == 254 // link-local, the metadata service
                || a == 172 && b >= 16 && b < 32 || a == 192 && b == 168 // private
                || a == 192 && b == 0 && c == 0 // IETF protocol assignments
                || a == 198 && (b == 18 || b == 19); // benchmarking
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
