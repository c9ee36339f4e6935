package dev.jgi.server.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The peers whose forwarded headers are believed [JGI-PROXY-1]: addresses, CIDR ranges, or
 * {@code *} for every peer. Parsed once at start-up; entries are IP literals, never host names.
 */
public final class TrustedProxies {

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;
    private final boolean everyone;

    private TrustedProxies(List<Range> ranges, boolean everyone) {
        this.ranges = ranges;
        this.everyone = everyone;
    }

    /**
     * Reads the trusted proxies from IP literals, CIDR ranges and {@code *} for every address.
     *
     * @throws IllegalArgumentException for an entry that is not an IP literal or CIDR range
     */
    public static TrustedProxies parse(List<String> entries) {
        boolean everyone = entries.contains("*");
        List<Range> ranges = entries.stream()
                .filter(e -> !e.equals("*"))
                .map(TrustedProxies::range)
                .toList();
        return new TrustedProxies(ranges, everyone);
    }

    public boolean trusts(InetAddress peer) {
        if (everyone) {
            return true;
        }
        byte[] address = peer.getAddress();
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        if (host.isEmpty() || !host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            throw new IllegalArgumentException("forwarded-allow-ips: not an IP address or CIDR range: " + entry);
        }
        try {
            byte[] network = InetAddress.getByName(host).getAddress();
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("forwarded-allow-ips: bad prefix length in " + entry);
            }
            return new Range(network, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("forwarded-allow-ips: not an IP address or CIDR range: " + entry, e);
        }
    }
}
