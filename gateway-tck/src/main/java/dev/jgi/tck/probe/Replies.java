package dev.jgi.tck.probe;

import dev.jgi.api.Completion;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.ServerInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The answers both probe variants give the same way; each variant adds what only it can do. */
final class Replies {

    static final String NONCE_HEADER = "x-tck-nonce";

    private Replies() {}

    /** The answer for a route that needs no variant-specific work, or empty if the route needs some. */
    static Optional<Reply> common(Route route, Request request, ProbeState state) {
        return Optional.ofNullable(
                switch (route.name()) {
                    case "info" -> Reply.json(info(state));
                    case "status" -> status(route.number(200));
                    case "bytes" ->
                        new Reply(
                                200,
                                Headers.of("content-type", "application/octet-stream"),
                                List.of(pattern(route.number(11))),
                                Reply.Shape.KNOWN_LENGTH);
                    case "stream" -> streamed(route.number(3000));
                    case "cookies" ->
                        new Reply(
                                200,
                                Headers.of(
                                        "content-type",
                                        "text/plain",
                                        "set-cookie",
                                        "a=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/",
                                        "set-cookie",
                                        "b=2; Path=/"),
                                List.of("cookies".getBytes(StandardCharsets.US_ASCII)),
                                Reply.Shape.KNOWN_LENGTH);
                    case "fail-before" -> new Reply(500, Headers.of(), List.of(), Reply.Shape.FAIL_BEFORE);
                    case "fail-mid-body" ->
                        new Reply(
                                200,
                                Headers.of("content-type", "text/plain"),
                                List.of("first".getBytes(StandardCharsets.US_ASCII)),
                                Reply.Shape.FAIL_MID_BODY);
                    case "no-read" -> Reply.text(200, "body not read");
                    case "log" -> Reply.json(Json.write(state.events(route.argument())));
                    case "release" -> {
                        state.gate(route.argument()).complete(null);
                        yield Reply.text(200, "released");
                    }
                    case "echo-headers" -> echoHeaders(request);
                    case "bare" ->
                        new Reply(
                                200,
                                Headers.of(),
                                List.of("no type".getBytes(StandardCharsets.US_ASCII)),
                                Reply.Shape.KNOWN_LENGTH);
                    default -> null;
                });
    }

    /** The status named in the path, with a body the server must drop where a status allows none. */
    private static Reply status(int code) {
        return new Reply(
                code,
                Headers.of("content-type", "text/plain"),
                List.of("status body".getBytes(StandardCharsets.US_ASCII)),
                Reply.Shape.KNOWN_LENGTH);
    }

    private static Reply streamed(int length) {
        byte[] all = pattern(length);
        int third = Math.max(1, length / 3);
        List<byte[]> pieces = new ArrayList<>();
        for (int from = 0; from < length; from += third) {
            pieces.add(Arrays.copyOfRange(all, from, Math.min(length, from + third)));
        }
        return new Reply(200, Headers.of("content-type", "application/octet-stream"), pieces, Reply.Shape.STREAMED);
    }

    /**
     * Response headers named by the request: {@code x-tck-set: name=value} adds one field per line;
     * {@code x-tck-status} sets the status (200 without it).
     */
    private static Reply echoHeaders(Request request) {
        Headers.Builder headers = Headers.builder().add("content-type", "text/plain");
        for (String spec : request.headers().all("x-tck-set")) {
            int eq = spec.indexOf('=');
            headers.add(spec.substring(0, eq), spec.substring(eq + 1));
        }
        int status = Integer.parseInt(request.header("x-tck-status").orElse("200"));
        return new Reply(
                status, headers.build(), List.of("ok".getBytes(StandardCharsets.US_ASCII)), Reply.Shape.KNOWN_LENGTH);
    }

    /**
     * What the request-trailers route saw: the trailer count before the body was read, the body,
     * then each trailer field after its end [JGI-BODY-14].
     */
    static String requestTrailers(int before, String body, Headers after) {
        StringBuilder text =
                new StringBuilder("before=").append(before).append(" body=").append(body);
        after.forEach(
                (name, value) -> text.append(' ').append(name).append(": ").append(value));
        return text.toString();
    }

    /** Bytes 'a' to 'z' repeated, so a shifted or truncated body shows. */
    static byte[] pattern(int length) {
        byte[] bytes = new byte[Math.max(0, length)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    static String info(ProbeState state) {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<ServerInfo> info = state.serverInfo();
        out.put("name", info.map(ServerInfo::name).orElse(null));
        out.put("version", info.map(ServerInfo::version).orElse(null));
        out.put("specVersion", info.map(ServerInfo::specVersion).orElse(null));
        out.put(
                "capabilities",
                info.map(i -> i.capabilities().stream().map(Enum::name).sorted().toList())
                        .orElse(List.of()));
        out.put("starts", state.starts());
        out.put("stops", state.stops());
        return Json.write(out);
    }

    /** The request field naming the log key under which the echo records how its body read ended. */
    private static final String READ_LOG_HEADER = "x-tck-read-log";

    /** The echo report: everything the application received, as JSON. */
    static String echo(String variant, Request request, BodyFacts body, ProbeState state) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nonce", request.headers().first(NONCE_HEADER).orElse(null));
        out.put("variant", variant);
        out.put("method", request.method());
        out.put("scheme", request.scheme());
        out.put("version", request.version());
        out.put("raw", request.target().raw());
        out.put("rawPath", request.target().rawPath());
        out.put("mountPath", request.target().mountPath());
        out.put("path", request.target().path());
        out.put("query", request.target().query().orElse(null));
        List<List<String>> headers = new ArrayList<>();
        request.headers().forEach((name, value) -> headers.add(List.of(name, value)));
        out.put("headers", headers);
        out.put("client", String.valueOf(request.client()));
        out.put("server", String.valueOf(request.server()));
        out.put("tls", request.tls().isPresent());
        out.put("tlsProtocol", request.tls().map(Request.Tls::protocol).orElse(null));
        out.put("tlsCipherSuite", request.tls().map(Request.Tls::cipherSuite).orElse(null));
        out.put("tlsServerName", request.tls().flatMap(Request.Tls::serverName).orElse(null));
        out.put(
                "tlsPeerCertificates",
                request.tls().map(tls -> sha256s(tls.peerCertificates())).orElse(List.of()));
        out.put("kind", request.kind().name());
        out.put(
                "capabilities",
                request.capabilities().stream().map(Enum::name).sorted().toList());
        out.put("stateCarried", state.carriesToken(request.state()));
        out.put("stateIsStartMap", state.isStartState(request.state()));
        out.put("attributes", request.attributes().size());
        out.put("startedBefore", state.starts() > 0);
        out.put("nonceByOtherCase", request.headers().first("X-TCK-Nonce").orElse(null));
        String nonce = request.headers().first(NONCE_HEADER).orElse("none");
        state.record("calls-" + nonce, "call");
        if (body.error() != null) {
            // Readable after the fact, for a client that cannot read the echo.
            state.record("body-error-" + nonce, body.error());
        }
        out.put("calls", state.events("calls-" + nonce).size());
        out.put("bodyLength", body.length());
        out.put("bodyPieces", body.pieces());
        out.put("bodySha256", body.sha256());
        out.put("bodyHead", body.head());
        out.put("bodyError", body.error());
        logRead(request, state, body.error() == null ? "ended" : "failed: " + body.error());
        return Json.write(out);
    }

    /**
     * Records how the body read ended under the key the request names, apart from the reply, which a
     * server may rightly replace with its own 400 [JGI-BODY-9].
     */
    static void logRead(Request request, ProbeState state, String outcome) {
        request.headers().first(READ_LOG_HEADER).ifPresent(key -> state.record(key, outcome));
    }

    /** Each certificate's SHA-256, lower-case hex: a certificate the TCK can compare without parsing it. */
    private static List<String> sha256s(List<java.security.cert.Certificate> certificates) {
        List<String> out = new ArrayList<>();
        try {
            for (java.security.cert.Certificate certificate : certificates) {
                out.add(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
            }
        } catch (java.security.GeneralSecurityException e) {
            out.add("unreadable: " + e);
        }
        return out;
    }

    /** What a completion hook was handed, as the probe records it [JGI-DONE-3]. */
    static String completion(Completion done) {
        return "status=" + done.status() + " bytes=" + done.bytesSent() + " ok=" + done.succeeded();
    }
}
