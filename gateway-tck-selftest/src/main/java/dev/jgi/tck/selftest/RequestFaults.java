package dev.jgi.tck.selftest;

import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.RequestTarget;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Faults in the request the server builds: its target, method, headers, state and addresses. */
final class RequestFaults {

    private RequestFaults() {}

    static List<Fault> all() {
        return List.of(
                Wrap.request(
                        "decode-encoded-slash",
                        Set.of("JGI-PATH-7"),
                        r -> r.withTarget(new RequestTarget(
                                r.target().raw(),
                                r.target().rawPath(),
                                r.target().mountPath(),
                                r.target().path().replace("%2F", "/").replace("%2f", "/"),
                                r.target().query()))),
                Wrap.request(
                        "mount-from-header",
                        Set.of("JGI-PATH-1"),
                        r -> r.header("x-forwarded-prefix")
                                .map(prefix -> r.withTarget(new RequestTarget(
                                        r.target().raw(),
                                        r.target().rawPath(),
                                        prefix,
                                        r.target().path().isEmpty()
                                                ? "/"
                                                : r.target().path(),
                                        r.target().query())))
                                .orElse(r)),
                Wrap.request(
                        "method-upper-cased",
                        Set.of("JGI-REQ-1"),
                        r -> rebuilt(r, c -> c.method = r.method().toUpperCase(Locale.ROOT))),
                Wrap.request(
                        "header-names-capitalised",
                        Set.of(
                                "JGI-HDR-1",
                                "JGI-HDR-2",
                                "JGI-HDR-4",
                                "JGI-HDR-8",
                                "JGI-HDR-9",
                                "JGI-PROXY-1",
                                "JGI-PATH-10"),
                        r -> r.withHeaders(capitalised(r.headers()))),
                // RESP-6 too: the probe builds its response fields from the (folded) X-Tck-Set request fields.
                Wrap.request(
                        "repeated-headers-folded",
                        Set.of("JGI-HDR-2", "JGI-HDR-9", "JGI-RESP-6"),
                        r -> r.withHeaders(folded(r.headers()))),
                Wrap.request(
                        "raw-target-decoded",
                        Set.of("JGI-REQ-4"),
                        r -> r.withTarget(new RequestTarget(
                                r.target().fullPath()
                                        + r.target().query().map(q -> "?" + q).orElse(""),
                                r.target().rawPath(),
                                r.target().mountPath(),
                                r.target().path(),
                                r.target().query()))),
                Wrap.request(
                        "query-decoded",
                        Set.of("JGI-PATH-9"),
                        r -> r.withTarget(new RequestTarget(
                                r.target().raw(),
                                r.target().rawPath(),
                                r.target().mountPath(),
                                r.target().path(),
                                r.target().query().map(q -> URLDecoder.decode(q, StandardCharsets.UTF_8))))),
                Wrap.request(
                        "state-lost",
                        Set.of("JGI-REQ-7", "JGI-LIFE-4", "JGI-LIFE-2"),
                        r -> rebuilt(r, c -> c.state = Map.of())),
                Wrap.request(
                        "scheme-https-on-plain",
                        Set.of("JGI-REQ-2", "JGI-PROXY-1"),
                        r -> rebuilt(r, c -> c.scheme = "https")),
                Wrap.request("version-always-1.1", Set.of("JGI-REQ-3"), r -> rebuilt(r, c -> c.version = "HTTP/1.1")),
                Wrap.request(
                        "client-address-wrong",
                        Set.of("JGI-REQ-5"),
                        r -> rebuilt(r, c -> c.client = new InetSocketAddress("127.0.0.1", 1))));
    }

    /**
     * The request with the components {@code change} sets replaced: the API has withers for the
     * target, the headers and one state entry only, and a fault may replace any component.
     */
    static Request rebuilt(Request r, Consumer<Components> change) {
        Components c = new Components(r);
        change.accept(c);
        return new Request(
                c.method,
                c.scheme,
                c.version,
                r.target(),
                r.headers(),
                c.client,
                r.server(),
                r.tls(),
                c.state,
                r.extensions(),
                c.kind);
    }

    /** The components a fault may replace, initially the request's own. */
    static final class Components {
        String method;
        String scheme;
        String version;
        SocketAddress client;
        Map<String, Object> state;
        Request.Kind kind;

        private Components(Request r) {
            method = r.method();
            scheme = r.scheme();
            version = r.version();
            client = r.client();
            state = r.state();
            kind = r.kind();
        }
    }

    private static Headers capitalised(Headers headers) {
        Headers.Builder out = Headers.builder();
        headers.forEach((name, value) -> out.add(Character.toUpperCase(name.charAt(0)) + name.substring(1), value));
        return out.build();
    }

    private static Headers folded(Headers headers) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        headers.forEach((name, value) ->
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(value));
        Headers.Builder out = Headers.builder();
        byName.forEach((name, values) -> out.add(name, String.join(", ", values)));
        return out.build();
    }
}
