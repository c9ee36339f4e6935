package dev.jgi.tck.probe;

import dev.jgi.api.Application;
import dev.jgi.api.Body;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The sync probe: deployed in the server under test, it reports exactly what it received and
 * answers in the ways the server suite needs (see {@link Route}). External-endpoint mode runs it
 * as a plain {@link Application}; the vendor's server needs nothing else.
 */
public final class ProbeApp implements Application {

    private final ProbeState state = new ProbeState();

    @Override
    public Map<String, Object> start(ServerInfo server) {
        return state.started(server);
    }

    @Override
    public void stop() {
        state.stopped();
    }

    @Override
    public Response handle(Request request, Exchange exchange) throws Exception {
        if (request.kind() == Request.Kind.WEBSOCKET) {
            return SyncWebSocketProbe.handle(request, exchange, state);
        }
        Route route = Route.of(request.path());
        var common = Replies.common(route, request, state);
        if (common.isPresent()) {
            return render(common.get());
        }
        String key = route.argument();
        return switch (route.name()) {
            case "hooks" -> hooks(key, exchange);
            case "disconnect-signal" -> SignalRoutes.awaitDisconnect(key, exchange, state);
            case "disconnect-after-whole" -> SignalRoutes.wholeThenLeave(key, exchange, state);
            case "block" -> block(key);
            case "stream-close" ->
                Response.of(
                        200, Headers.of("content-type", "text/plain"), new Body.Stream(new ClosingStream(state, key)));
            case "flood" -> {
                exchange.onComplete(done -> state.record(key + ".done", Replies.completion(done)));
                yield Response.of(
                        200,
                        Headers.of("content-type", "application/octet-stream"),
                        Body.writer(out -> writeUntilGone(out, key, exchange)));
            }
            case "gated" ->
                Response.of(200, Headers.of("content-type", "text/plain"), Body.writer(out -> {
                    out.write("part1".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    state.gate(key)
                            .orTimeout(5, TimeUnit.SECONDS)
                            .exceptionally(t -> null)
                            .join();
                    out.write("part2".getBytes(StandardCharsets.US_ASCII));
                }));
            case "hooks-fail" -> {
                exchange.onComplete(done -> state.record(key, "hook " + Replies.completion(done)));
                throw new IllegalStateException("probe failure after registering a hook, provoked by the TCK");
            }
            case "text" -> Response.text(200, "h\u00e9llo \u2603");
            case "bad-length" ->
                Response.of(
                        200,
                        Headers.of("content-type", "text/plain", "content-length", "10"),
                        Body.of("short".getBytes(StandardCharsets.US_ASCII)));
            case "file" -> {
                ProbeFiles.Region region = ProbeFiles.Region.of(key);
                yield Response.of(
                        200,
                        fileHeaders(request),
                        new Body.FileRegion(region.file(), region.offset(), region.length()));
            }
            case "short-file" -> {
                java.nio.file.Path file = java.nio.file.Files.createTempFile("jgi-tck", ".txt");
                java.nio.file.Files.writeString(file, "five!");
                file.toFile().deleteOnExit();
                yield Response.of(
                        200,
                        Headers.of("content-type", "text/plain"),
                        new Body.FileRegion(file, 0, java.util.OptionalLong.of(10)));
            }
            case "trailers" ->
                Response.text(200, "with trailers")
                        .withHeader("trailer", "x-checksum")
                        .withTrailers(() -> Headers.of("x-checksum", "abc123"));
            case "trailers-sized" ->
                Response.of(
                                200,
                                Headers.of(
                                        "content-type", "text/plain", "content-length", "13", "trailer", "x-checksum"),
                                Body.of("with trailers".getBytes(StandardCharsets.US_ASCII)))
                        .withTrailers(() -> Headers.of("x-checksum", "abc123"));
            case "trailers-counted" -> {
                state.record(key, "handled");
                yield Response.text(200, "with trailers")
                        .withHeader("trailer", "x-checksum")
                        .withTrailers(() -> {
                            state.record(key, "supplier called");
                            return Headers.of("x-checksum", "abc123");
                        });
            }
            case "request-trailers" -> {
                int before = exchange.requestTrailers().size();
                String body = new String(exchange.body().readAllBytes(), StandardCharsets.ISO_8859_1);
                yield Response.text(200, Replies.requestTrailers(before, body, exchange.requestTrailers()));
            }
            case "early-hints" -> {
                boolean sent = exchange.sendEarlyHints(Headers.of("link", "</style.css>; rel=preload; as=style"));
                yield Response.text(200, "early hints sent: " + sent);
            }
            case "body-length" ->
                Response.text(
                        200,
                        request.bodyLength().isPresent()
                                ? Long.toString(request.bodyLength().getAsLong())
                                : "unknown");
            case "limit" -> limited(exchange, route.number(0), false);
            case "limit-caught" -> limited(exchange, route.number(0), true);
            default -> echo(request, exchange);
        };
    }

    /**
     * Reads the body under an exchange limit [JGI-LIM-7]. Caught, the failure is reported with the
     * bytes the application got; uncaught, it ends {@code handle} for the server to answer 413
     * [JGI-LIM-8].
     */
    private static Response limited(Exchange exchange, int maxBytes, boolean caught) throws IOException {
        exchange.limitBody(maxBytes);
        long got = 0;
        try (InputStream in = exchange.body()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                got += n;
            }
        } catch (IOException e) {
            if (!caught) {
                throw e;
            }
            return Response.text(
                    200, "refused after " + got + " bytes: " + e.getClass().getName());
        }
        return Response.text(200, "read " + got + " bytes");
    }

    /** The client's address goes along, so that a test can tell which connection answered. */
    static Headers fileHeaders(Request request) {
        return Headers.of("content-type", "application/octet-stream", "x-tck-client", String.valueOf(request.client()));
    }

    private Response echo(Request request, Exchange exchange) {
        BodyFacts body = new BodyFacts();
        try (InputStream in = exchange.body()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                body.add(buffer, 0, n);
            }
            int again = in.read(buffer);
            int single = in.read();
            if (again != -1 || single != -1) {
                body.fail("a read after end of stream returned " + again + " and " + single + " [JGI-BODY-10]");
            }
        } catch (IOException | RuntimeException e) {
            body.fail(e);
        }
        return Response.json(200, Replies.echo("sync", request, body, state));
    }

    private Response hooks(String key, Exchange exchange) {
        for (String hook : new String[] {"first", "second", "third"}) {
            exchange.onComplete(done -> {
                state.record(key, hook + " " + Replies.completion(done));
                if (hook.equals("second")) {
                    throw new IllegalStateException("completion hook failure provoked by the TCK [JGI-DONE-4]");
                }
            });
        }
        return Response.text(200, "hooks registered");
    }

    private Response block(String key) throws InterruptedException {
        try {
            state.gate(key).get(5, TimeUnit.SECONDS);
            return Response.text(200, "released");
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            return Response.text(504, "never released");
        }
    }

    private void writeUntilGone(OutputStream out, String key, Exchange exchange) throws IOException {
        byte[] chunk = Replies.pattern(8192);
        long budget = 64L * 1024 * 1024;
        try {
            for (long sent = 0; sent < budget; sent += chunk.length) {
                out.write(chunk);
                out.flush();
                if ((sent + chunk.length) % (1024 * 1024) == 0) {
                    state.record(key, "progress");
                }
            }
            state.record(key, "never failed");
        } catch (IOException e) {
            state.record(
                    key,
                    (e instanceof ClientDisconnectedException
                                    ? "disconnected"
                                    : "io-error " + e.getClass().getName()) + " isDisconnected="
                            + exchange.isDisconnected());
            throw e;
        }
    }

    private static Response render(Reply reply) {
        return switch (reply.shape()) {
            case KNOWN_LENGTH ->
                Response.of(
                        reply.status(), reply.headers(), Body.of(reply.pieces().getFirst()));
            case STREAMED ->
                Response.of(reply.status(), reply.headers(), Body.writer(out -> {
                    for (byte[] piece : reply.pieces()) {
                        out.write(piece);
                        out.flush();
                    }
                }));
            case FAIL_BEFORE ->
                throw new IllegalStateException("probe failure before the response, provoked by the TCK");
            case FAIL_MID_BODY ->
                Response.of(reply.status(), reply.headers(), Body.writer(out -> {
                    out.write(reply.pieces().getFirst());
                    out.flush();
                    throw new IOException("probe failure mid-body, provoked by the TCK");
                }));
        };
    }

    /** A short stream that records each close, so the TCK can count them [JGI-BODYOUT-3]. */
    private static final class ClosingStream extends InputStream {
        private final java.io.ByteArrayInputStream bytes =
                new java.io.ByteArrayInputStream("stream body".getBytes(StandardCharsets.US_ASCII));
        private final ProbeState state;
        private final String key;

        ClosingStream(ProbeState state, String key) {
            this.state = state;
            this.key = key;
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return bytes.read(b, off, len);
        }

        @Override
        public void close() {
            state.record(key, "closed");
        }
    }
}
