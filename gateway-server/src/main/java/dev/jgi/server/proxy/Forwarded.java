package dev.jgi.server.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a trusted proxy reported about the original request [JGI-PROXY-1]: RFC 7239
 * {@code Forwarded} when present, else {@code X-Forwarded-For/Proto/Host}. The client is found by
 * walking the forwarded-for list from the right past every trusted hop, so a client cannot forge
 * its address by sending the header itself.
 *
 * @param client the original client, if reported
 * @param scheme "http" or "https", if reported
 * @param host   the original host header, if reported
 */
public record Forwarded(Optional<InetSocketAddress> client, Optional<String> scheme, Optional<String> host) {

    private static final Forwarded NOTHING = new Forwarded(Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Reads the forwarded headers of a request from {@code peer}.
     *
     * @param forwarded          the values of {@code forwarded}, in order
     * @param forwardedFor       the values of {@code x-forwarded-for}
     * @param forwardedProto     the first {@code x-forwarded-proto}, or null
     * @param forwardedHost      the first {@code x-forwarded-host}, or null
     */
    public static Forwarded from(
            InetAddress peer,
            TrustedProxies trusted,
            List<String> forwarded,
            List<String> forwardedFor,
            String forwardedProto,
            String forwardedHost) {
        if (!trusted.trusts(peer)) {
            return NOTHING;
        }
        if (!forwarded.isEmpty()) {
            return fromRfc7239(trusted, forwarded);
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            // Empty list elements are ignored wherever they stand (RFC 9110 section 5.6.1).
            for (String hop : value.split(",", -1)) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        return new Forwarded(
                client(trusted, hops),
                scheme(forwardedProto),
                Optional.ofNullable(forwardedHost).map(String::strip));
    }

    private static Forwarded fromRfc7239(TrustedProxies trusted, List<String> values) {
        List<String> hops = new ArrayList<>();
        String proto = null;
        String host = null;
        for (String value : values) {
            for (String element : value.split(",", -1)) {
                for (String pair : element.split(";", -1)) {
                    int eq = pair.indexOf('=');
                    if (eq < 0) {
                        continue;
                    }
                    String key = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                    String v = unquote(pair.substring(eq + 1).strip());
                    switch (key) {
                        case "for" -> hops.add(v);
                        case "proto" -> proto = v;
                        case "host" -> host = v;
                        default -> {}
                    }
                }
            }
        }
        return new Forwarded(client(trusted, hops), scheme(proto), Optional.ofNullable(host));
    }

    private static Optional<InetSocketAddress> client(TrustedProxies trusted, List<String> hops) {
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetSocketAddress> hop = address(hops.get(i));
            if (hop.isEmpty()) {
                return Optional.empty();
            }
            if (i == 0 || !trusted.trusts(hop.get().getAddress())) {
                return hop;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> scheme(String proto) {
        if (proto == null) {
            return Optional.empty();
        }
        String scheme = proto.strip().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? Optional.of(scheme) : Optional.empty();
    }

    /** An IP literal with an optional port: {@code 1.2.3.4}, {@code 1.2.3.4:80}, {@code [::1]:80}, {@code ::1}. */
    private static Optional<InetSocketAddress> address(String text) {
        String host = text;
        int port = 0;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            String rest = host.substring(close + 1);
            host = host.substring(1, close);
            if (rest.startsWith(":")) {
                port = parsePort(rest.substring(1));
            }
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
            port = parsePort(host.substring(host.indexOf(':') + 1));
            host = host.substring(0, host.indexOf(':'));
        }
        if (host.isEmpty()
                || port < 0
                || !host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return Optional.empty();
        }
        try {
            return Optional.of(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port >= 0 && port <= 65535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
