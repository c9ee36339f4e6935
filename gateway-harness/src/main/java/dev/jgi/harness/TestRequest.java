package dev.jgi.harness;

import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A request as a client would send it, built fluently: each wither returns a new value.
 * {@link TestServer} turns it into a {@link Request} by the rules the spec gives servers, so the
 * raw target is split against the server's mount, not against anything in the request.
 *
 * {@snippet class="dev.jgi.harness.JavadocExamplesTest" region="send"}
 *
 * @param method                       the request method
 * @param target                       the raw request target, origin-form or absolute-form
 * @param version                      the HTTP version, "HTTP/1.1" unless set
 * @param headers                      header fields as the client sends them
 * @param pieces                       the body as it arrives, piece by piece (each piece read-only)
 * @param client                       the client's address
 * @param tls                          the TLS session, when the client connected over TLS
 * @param kind                         HTTP, or a WebSocket handshake
 * @param state                        lifespan state to hand the application instead of the one its
 *                                     {@code start} returned, for testing {@code handle} alone
 * @param extensions                   server-specific request values
 * @param clientLeavesAfterPieces      the client goes away once this many body pieces were read
 * @param clientLeavesAfterResponseBytes the client goes away once it received this many body bytes
 */
public record TestRequest(
        String method,
        String target,
        String version,
        Headers headers,
        List<ByteBuffer> pieces,
        SocketAddress client,
        Optional<Request.Tls> tls,
        Request.Kind kind,
        Optional<Map<String, Object>> state,
        Map<String, Object> extensions,
        OptionalLong clientLeavesAfterPieces,
        OptionalLong clientLeavesAfterResponseBytes) {

    /** The client address unless set: a loopback port, as a local test client would have. */
    public static final SocketAddress DEFAULT_CLIENT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 50_000);

    public TestRequest {
        pieces = pieces.stream().map(ByteBuffer::asReadOnlyBuffer).toList();
        state = state.map(Map::copyOf);
        extensions = Map.copyOf(extensions);
    }

    /** A request with no body and no headers but {@code host: localhost}. */
    public static TestRequest of(String method, String target) {
        return new TestRequest(
                method,
                target,
                "HTTP/1.1",
                Headers.of("host", "localhost"),
                List.of(),
                DEFAULT_CLIENT,
                Optional.empty(),
                Request.Kind.HTTP,
                Optional.empty(),
                Map.of(),
                OptionalLong.empty(),
                OptionalLong.empty());
    }

    public static TestRequest get(String target) {
        return of("GET", target);
    }

    public static TestRequest head(String target) {
        return of("HEAD", target);
    }

    public static TestRequest post(String target) {
        return of("POST", target);
    }

    public static TestRequest put(String target) {
        return of("PUT", target);
    }

    public static TestRequest delete(String target) {
        return of("DELETE", target);
    }

    /** A WebSocket handshake; {@code subprotocols} are offered in {@code sec-websocket-protocol}. */
    public static TestRequest websocket(String target, String... subprotocols) {
        TestRequest upgrade = get(target)
                .header("connection", "upgrade")
                .header("upgrade", "websocket")
                .header("sec-websocket-version", "13")
                .header("sec-websocket-key", "dGhlIHNhbXBsZSBub25jZQ==");
        if (subprotocols.length > 0) {
            upgrade = upgrade.header("sec-websocket-protocol", String.join(", ", subprotocols));
        }
        return upgrade.withKind(Request.Kind.WEBSOCKET);
    }

    /** One more header field, its name lower-cased as a server hands it on [JGI-HDR-1]. */
    public TestRequest header(String name, String value) {
        return withHeaders(headers.plus(name.toLowerCase(Locale.ROOT), value));
    }

    /** The whole body in one piece, with a matching {@code content-length}. */
    public TestRequest body(byte[] bytes) {
        return bodyPieces(bytes);
    }

    /** The body in UTF-8, in one piece. */
    public TestRequest body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The body as it arrives in these pieces, with {@code transfer-encoding: chunked}; the server
     * still bounds each piece by {@link TestServer.Options#maxPiece()}.
     */
    public TestRequest bodyPieces(byte[]... chunks) {
        List<ByteBuffer> copies = Arrays.stream(chunks)
                .map(chunk -> ByteBuffer.wrap(chunk.clone()))
                .toList();
        Headers unframed = headers.without("content-length").without("transfer-encoding");
        Headers framed = chunks.length == 1
                ? unframed.plus("content-length", Integer.toString(chunks[0].length))
                : unframed.plus("transfer-encoding", "chunked");
        return rebuild(draft -> {
            draft.headers = framed;
            draft.pieces = copies;
        });
    }

    /** The whole body, read-only. */
    public ByteBuffer bodyBytes() {
        ByteBuffer all = ByteBuffer.allocate(
                pieces.stream().mapToInt(ByteBuffer::remaining).sum());
        pieces.forEach(piece -> all.put(piece.duplicate()));
        return all.flip().asReadOnlyBuffer();
    }

    public TestRequest withHeaders(Headers newHeaders) {
        return rebuild(draft -> draft.headers = newHeaders);
    }

    public TestRequest withVersion(String newVersion) {
        return rebuild(draft -> draft.version = newVersion);
    }

    public TestRequest withClient(SocketAddress newClient) {
        return rebuild(draft -> draft.client = newClient);
    }

    /** Over TLS 1.3 with no client certificate, as SNI host {@code localhost}. */
    public TestRequest overTls() {
        return withTls(new Request.Tls("TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(), Optional.of("localhost")));
    }

    public TestRequest withTls(Request.Tls session) {
        return rebuild(draft -> draft.tls = Optional.of(session));
    }

    public TestRequest withKind(Request.Kind newKind) {
        return rebuild(draft -> draft.kind = newKind);
    }

    public TestRequest withState(Map<String, Object> newState) {
        return rebuild(draft -> draft.state = Optional.of(newState));
    }

    public TestRequest withExtension(String key, Object value) {
        Map<String, Object> grown = new HashMap<>(extensions);
        grown.put(key, value);
        return rebuild(draft -> draft.extensions = grown);
    }

    /** The client goes away after the application read {@code count} body pieces. */
    public TestRequest clientLeavesAfterPieces(long count) {
        return rebuild(draft -> draft.clientLeavesAfterPieces = OptionalLong.of(count));
    }

    /** The client goes away after receiving {@code count} response body bytes. */
    public TestRequest clientLeavesAfterResponseBytes(long count) {
        return rebuild(draft -> draft.clientLeavesAfterResponseBytes = OptionalLong.of(count));
    }

    private TestRequest rebuild(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /** A copy being changed by one wither; the record's constructor checks and copies it again. */
    private static final class Draft {
        String method;
        String target;
        String version;
        Headers headers;
        List<ByteBuffer> pieces;
        SocketAddress client;
        Optional<Request.Tls> tls;
        Request.Kind kind;
        Optional<Map<String, Object>> state;
        Map<String, Object> extensions;
        OptionalLong clientLeavesAfterPieces;
        OptionalLong clientLeavesAfterResponseBytes;

        Draft(TestRequest from) {
            method = from.method;
            target = from.target;
            version = from.version;
            headers = from.headers;
            pieces = from.pieces;
            client = from.client;
            tls = from.tls;
            kind = from.kind;
            state = from.state;
            extensions = from.extensions;
            clientLeavesAfterPieces = from.clientLeavesAfterPieces;
            clientLeavesAfterResponseBytes = from.clientLeavesAfterResponseBytes;
        }

        TestRequest build() {
            return new TestRequest(
                    method,
                    target,
                    version,
                    headers,
                    pieces,
                    client,
                    tls,
                    kind,
                    state,
                    extensions,
                    clientLeavesAfterPieces,
                    clientLeavesAfterResponseBytes);
        }
    }
}
