package dev.jgi.tck.selftest;

import dev.jgi.api.Headers;
import dev.jgi.api.RequestTarget;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
                        r -> r.toBuilder()
                                .method(r.method().toUpperCase(Locale.ROOT))
                                .build()),
                Wrap.request(
                        "header-names-capitalised",
                        Set.of(
                                "JGI-HDR-1",
                                "JGI-HDR-2",
                                "JGI-HDR-4",
                                "JGI-HDR-8",
                                "JGI-HDR-9",
                                "JGI-PROXY-1",
                                "JGI-PATH-10",
                                // The trailer probe reads the request's te field by its lower-case name.
                                "JGI-EXT-9"),
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
                        "raw-path-decoded",
                        Set.of("JGI-PATH-11"),
                        r -> r.withTarget(new RequestTarget(
                                r.target().raw(),
                                r.target().fullPath(),
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
                        r -> r.toBuilder().state(Map.of()).build()),
                // The copy holds the same entries, so only a test of identity tells it apart.
                Wrap.request(
                        "state-copied-per-request",
                        Set.of("JGI-REQ-7"),
                        r -> r.toBuilder().state(new HashMap<>(r.state())).build()),
                Wrap.request(
                        "attributes-not-empty",
                        Set.of("JGI-REQ-13"),
                        r -> r.withAttribute("dev.jgi.tck.selftest.leaked", "from another request")),
                // The server's own exchange still sends the 103 the request no longer holds, so the
                // refusal test of CAP-5 fails as well.
                Wrap.request(
                        "capabilities-dropped",
                        Set.of("JGI-CAP-6", "JGI-CAP-5"),
                        r -> r.toBuilder().capabilities(Set.of()).build()),
                Wrap.request(
                        "scheme-https-on-plain",
                        Set.of("JGI-REQ-2", "JGI-PROXY-1"),
                        r -> r.toBuilder().scheme("https").build()),
                Wrap.request(
                        "version-always-1.1",
                        Set.of("JGI-REQ-3"),
                        r -> r.toBuilder().version("HTTP/1.1").build()),
                Wrap.request(
                        "client-address-wrong",
                        Set.of("JGI-REQ-5"),
                        r -> r.toBuilder()
                                .client(new InetSocketAddress("127.0.0.1", 1))
                                .build()));
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
