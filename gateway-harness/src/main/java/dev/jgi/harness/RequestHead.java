package dev.jgi.harness;

import dev.jgi.api.Capability;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.RequestTarget;
import dev.jgi.api.ServerInfo;
import dev.jgi.kernel.request.HeldCapabilities;
import dev.jgi.kernel.request.RequestLine;
import dev.jgi.kernel.syntax.Ascii;
import dev.jgi.kernel.target.TargetParser;
import dev.jgi.kernel.target.TargetRefusal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** The {@link Request} a server builds from what the client sent, or the answer it gives itself. */
final class RequestHead {

    private static final List<String> VERSIONS = List.of("HTTP/1.0", "HTTP/1.1", "HTTP/2");

    private RequestHead() {}

    /**
     * @throws Refusal for a request the server answers without the application
     */
    static Request of(TestRequest request, TestServer.Options options, ServerInfo info, Map<String, Object> state)
            throws Refusal {
        if (request.target().equals("*")) {
            throw new Refusal(
                    request.method().equals("OPTIONS") ? 200 : 400,
                    "[JGI-REQ-10] the server answers an asterisk-form target itself");
        }
        if (!VERSIONS.contains(request.version())) {
            throw new Refusal(505, "[JGI-REQ-3] unsupported version " + request.version());
        }
        OptionalInt tunnel = RequestLine.method(request.method());
        if (tunnel.isPresent()) {
            throw new Refusal(tunnel.getAsInt(), "[JGI-REQ-12] CONNECT: JGI 1.0 has no tunnels");
        }
        checkFraming(request);
        RequestTarget target;
        try {
            target = TargetParser.parse(request.target(), options.mount());
        } catch (TargetRefusal refusal) {
            throw new Refusal(refusal.status(), refusal.getMessage());
        }
        Headers headers = request.headers();
        String authority = TargetParser.authority(target.raw()).orElse(null);
        if (authority != null && !authority.equals(headers.first("host").orElse(null))) {
            headers = headers.with("host", authority);
        }
        if (options.faults().contains(ServerFault.CAPITALISED_HEADER_NAMES)) {
            Headers.Builder capitalised = Headers.builder();
            headers.forEach((name, value) ->
                    capitalised.add(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1), value));
            headers = capitalised.build();
        }
        boolean websocket = request.kind() == Request.Kind.WEBSOCKET
                && held(info.capabilities(), request.version()).contains(Capability.WEBSOCKET);
        boolean tls = request.tls().isPresent();
        InetSocketAddress local = new InetSocketAddress(InetAddress.getLoopbackAddress(), tls ? 8443 : 8080);
        return Request.builder()
                .method(request.method())
                .scheme(tls ? "https" : "http")
                .version(request.version())
                .target(target)
                .headers(headers)
                .client(request.client())
                .server(local)
                .tls(request.tls())
                .state(request.state().orElse(state))
                .extensions(request.extensions())
                .kind(websocket ? Request.Kind.WEBSOCKET : Request.Kind.HTTP)
                .capabilities(held(info.capabilities(), request.version()))
                .build();
    }

    /**
     * What the harness honours on a request of {@code version} [JGI-CAP-6]: every declared
     * capability, less WebSocket over HTTP/2, which opens by the HTTP/1.1 upgrade only, as on the
     * reference server.
     */
    private static Set<Capability> held(Set<Capability> declared, String version) {
        return HeldCapabilities.of(declared, version.equals("HTTP/2") ? Set.of(Capability.WEBSOCKET) : Set.of());
    }

    /** [JGI-HDR-7] [JGI-BODY-7] */
    private static void checkFraming(TestRequest request) throws Refusal {
        Headers headers = request.headers();
        if (!request.version().equals("HTTP/1.0") && headers.all("host").size() != 1) {
            throw new Refusal(400, "[JGI-HDR-7] an HTTP/1.1 request needs exactly one host header");
        }
        if (headers.contains("content-length") && headers.contains("transfer-encoding")) {
            throw new Refusal(400, "[JGI-BODY-7] both content-length and transfer-encoding");
        }
        List<String> lengths = headers.all("content-length");
        if (lengths.isEmpty()) {
            return;
        }
        if (lengths.stream().distinct().count() > 1 || !Ascii.isDecimal(lengths.get(0))) {
            throw new Refusal(400, "[JGI-BODY-7] invalid content-length " + lengths);
        }
        long declared = Long.parseLong(lengths.get(0));
        if (declared != request.bodyBytes().remaining()) {
            throw new IllegalArgumentException("the test request's content-length " + declared
                    + " differs from its body of " + request.bodyBytes().remaining() + " bytes");
        }
    }
}
