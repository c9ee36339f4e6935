package dev.jgi.tck.selftest;

import dev.jgi.api.Body;
import dev.jgi.api.BodyTooLargeException;
import dev.jgi.api.Completion;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.RequestTarget;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The catalogue of injected faults: each makes the reference server break one rule. */
public final class Faults {

    private Faults() {}

    public static List<Fault> all() {
        return java.util.stream.Stream.concat(rules().stream(), PastDefects.all().stream())
                .toList();
    }

    private static List<Fault> rules() {
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
                        r -> new Request(
                                r.method().toUpperCase(),
                                r.scheme(),
                                r.version(),
                                r.target(),
                                r.headers(),
                                r.client(),
                                r.server(),
                                r.tls(),
                                r.state(),
                                r.extensions(),
                                r.kind())),
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
                                r.target()
                                        .query()
                                        .map(q -> java.net.URLDecoder.decode(
                                                q, java.nio.charset.StandardCharsets.UTF_8))))),
                Wrap.request(
                        "state-lost",
                        Set.of("JGI-REQ-7", "JGI-LIFE-4", "JGI-LIFE-2"),
                        r -> new Request(
                                r.method(),
                                r.scheme(),
                                r.version(),
                                r.target(),
                                r.headers(),
                                r.client(),
                                r.server(),
                                r.tls(),
                                Map.of(),
                                r.extensions(),
                                r.kind())),
                Wrap.request(
                        "scheme-https-on-plain",
                        Set.of("JGI-REQ-2", "JGI-PROXY-1"),
                        r -> new Request(
                                r.method(),
                                "https",
                                r.version(),
                                r.target(),
                                r.headers(),
                                r.client(),
                                r.server(),
                                r.tls(),
                                r.state(),
                                r.extensions(),
                                r.kind())),
                Wrap.request(
                        "version-always-1.1",
                        Set.of("JGI-REQ-3"),
                        r -> new Request(
                                r.method(),
                                r.scheme(),
                                "HTTP/1.1",
                                r.target(),
                                r.headers(),
                                r.client(),
                                r.server(),
                                r.tls(),
                                r.state(),
                                r.extensions(),
                                r.kind())),
                Wrap.request(
                        "client-address-wrong",
                        Set.of("JGI-REQ-5"),
                        r -> new Request(
                                r.method(),
                                r.scheme(),
                                r.version(),
                                r.target(),
                                r.headers(),
                                new InetSocketAddress("127.0.0.1", 1),
                                r.server(),
                                r.tls(),
                                r.state(),
                                r.extensions(),
                                r.kind())),
                hooks(
                        "completion-hook-skipped",
                        Set.of("JGI-DONE-1", "JGI-DONE-2", "JGI-DONE-3", "JGI-DONE-4"),
                        (exchange, hook, registered) -> {}),
                hooks(
                        "hooks-in-registration-order",
                        Set.of("JGI-DONE-1", "JGI-DONE-2", "JGI-DONE-3", "JGI-DONE-4"),
                        (exchange, hook, registered) -> {
                            if (registered.isEmpty()) {
                                exchange.onComplete(
                                        done -> List.copyOf(registered).forEach(h -> h.accept(done)));
                            }
                            registered.add(hook);
                        }),
                hooks(
                        "hook-failure-stops-the-rest",
                        Set.of("JGI-DONE-1", "JGI-DONE-2", "JGI-DONE-3", "JGI-DONE-4"),
                        (exchange, hook, registered) -> {
                            if (registered.isEmpty()) {
                                exchange.onComplete(
                                        done -> registered.reversed().forEach(h -> h.accept(done)));
                            }
                            registered.add(hook);
                        }),
                Fault.ofApps(
                        "body-cut-after-4-bytes",
                        Set.of("JGI-BODY-1", "JGI-BODY-2", "JGI-BODY-8"),
                        app -> Wrap.sync(
                                app, (request, exchange) -> app.handle(request, new TruncatingExchange(exchange, 4))),
                        app -> app),
                Wrap.request(
                        "content-length-hidden",
                        Set.of("JGI-BODY-13"),
                        r -> r.withHeaders(r.headers().without("content-length"))),
                Fault.ofApps(
                        "exchange-limit-ignored",
                        Set.of("JGI-LIM-7", "JGI-LIM-8"),
                        app -> Wrap.sync(
                                app,
                                (request, exchange) -> app.handle(request, new DelegatingExchange(exchange) {
                                    @Override
                                    public void limitBody(long maxBytes) {
                                        // The mutant: the application's lower limit never reaches the body.
                                    }
                                })),
                        app -> app),
                Fault.ofApps(
                        "body-over-limit-answered-500",
                        Set.of("JGI-LIM-8"),
                        app -> Wrap.sync(app, (request, exchange) -> {
                            try {
                                return app.handle(request, exchange);
                            } catch (BodyTooLargeException e) {
                                throw new IllegalStateException("a failure the server does not recognise");
                            }
                        }),
                        app -> app),
                Fault.ofApps(
                        "failure-answered-200",
                        Set.of("JGI-ERR-1", "JGI-ERR-5", "JGI-ERR-7", "JGI-DONE-1", "JGI-DONE-3"),
                        app -> Wrap.sync(app, (request, exchange) -> {
                            try {
                                return app.handle(request, exchange);
                            } catch (Exception e) {
                                return Response.empty(200);
                            }
                        }),
                        app -> app),
                Fault.ofApps(
                        "stack-trace-in-the-500",
                        Set.of("JGI-ERR-1"),
                        app -> Wrap.sync(app, (request, exchange) -> {
                            try {
                                return app.handle(request, exchange);
                            } catch (Exception e) {
                                return Response.text(500, e.toString());
                            }
                        }),
                        app -> app),
                Fault.ofApps(
                        "data-after-end-of-body",
                        Set.of("JGI-BODY-10", "JGI-BODY-1", "JGI-BODY-2", "JGI-BODY-3"),
                        app -> Wrap.sync(
                                app,
                                (request, exchange) -> app.handle(request, new DelegatingExchange(exchange) {
                                    private final InputStream body =
                                            new java.io.SequenceInputStream(
                                                    exchange.body(), new java.io.ByteArrayInputStream(new byte[0])) {
                                                private boolean ended;

                                                @Override
                                                public int read(byte[] b, int off, int len) throws IOException {
                                                    int n = super.read(b, off, len);
                                                    if (n < 0 && !ended) {
                                                        ended = true;
                                                        return -1;
                                                    }
                                                    if (n < 0 && len > 0) {
                                                        b[off] = 'x';
                                                        return 1;
                                                    }
                                                    return n;
                                                }
                                            };

                                    @Override
                                    public InputStream body() {
                                        return body;
                                    }
                                })),
                        app -> app),
                Fault.ofApps(
                        "no-body-reads-as-one-byte",
                        Set.of("JGI-BODY-3"),
                        app -> Wrap.sync(
                                app,
                                (request, exchange) ->
                                        request.header("content-length").isPresent()
                                                        || request.header("transfer-encoding")
                                                                .isPresent()
                                                ? app.handle(request, exchange)
                                                : app.handle(request, new DelegatingExchange(exchange) {
                                                    private final InputStream one =
                                                            new java.io.ByteArrayInputStream(new byte[] {'x'});

                                                    @Override
                                                    public InputStream body() {
                                                        return one;
                                                    }
                                                })),
                        app -> app),
                Fault.ofApps(
                        "stream-body-never-closed",
                        Set.of("JGI-BODYOUT-3"),
                        app -> Wrap.sync(app, (request, exchange) -> streamClosed(app.handle(request, exchange), 0)),
                        app -> app),
                Fault.ofApps(
                        "stream-body-closed-twice",
                        Set.of("JGI-BODYOUT-3"),
                        app -> Wrap.sync(app, (request, exchange) -> streamClosed(app.handle(request, exchange), 2)),
                        app -> app),
                Fault.ofApps(
                        "early-hints-claimed-not-sent",
                        Set.of("JGI-CAP-5"),
                        app -> Wrap.sync(
                                app, (request, exchange) -> app.handle(request, new HintsClaimingExchange(exchange))),
                        app -> app),
                Wrap.lifespan("start-called-twice", Set.of("JGI-LIFE-1", "JGI-LIFE-5"), new Wrap.Lifespan() {
                    public Map<String, Object> start(dev.jgi.api.Lifespan app, ServerInfo server) throws Exception {
                        app.start(server);
                        return app.start(server);
                    }

                    public void stop(dev.jgi.api.Lifespan app) throws Exception {
                        app.stop();
                    }
                }),
                Wrap.lifespan("stop-never-called", Set.of("JGI-LIFE-5"), new Wrap.Lifespan() {
                    public Map<String, Object> start(dev.jgi.api.Lifespan app, ServerInfo server) throws Exception {
                        return app.start(server);
                    }

                    public void stop(dev.jgi.api.Lifespan app) {}
                }),
                Wrap.lifespan("stop-after-failed-start", Set.of("JGI-LIFE-6", "JGI-LIFE-3"), new Wrap.Lifespan() {
                    public Map<String, Object> start(dev.jgi.api.Lifespan app, ServerInfo server) throws Exception {
                        try {
                            return app.start(server);
                        } catch (Exception e) {
                            app.stop();
                            throw e;
                        }
                    }

                    public void stop(dev.jgi.api.Lifespan app) throws Exception {
                        app.stop();
                    }
                }),
                Wrap.lifespan(
                        "wrong-spec-version", Set.of("JGI-VER-1", "JGI-LIFE-1", "JGI-CAP-1"), new Wrap.Lifespan() {
                            public Map<String, Object> start(dev.jgi.api.Lifespan app, ServerInfo server)
                                    throws Exception {
                                return app.start(
                                        new ServerInfo(server.name(), server.version(), "0.9", server.capabilities()));
                            }

                            public void stop(dev.jgi.api.Lifespan app) throws Exception {
                                app.stop();
                            }
                        }),
                Fault.ofApps(
                        "websocket-close-not-repeated",
                        Set.of("JGI-WS-7"),
                        app -> app,
                        app -> Wrap.async(
                                app, (request, channel) -> app.handle(request, new ClosingOnceChannel(channel)))),
                Fault.ofApps(
                        "websocket-send-completes-early",
                        Set.of("JGI-WS-10", "JGI-STREAM-2"),
                        app -> app,
                        app -> Wrap.async(
                                app,
                                (request, channel) -> app.handle(
                                        request,
                                        request.kind() == Request.Kind.WEBSOCKET
                                                ? new EagerSendChannel(channel)
                                                : channel))),
                Wrap.request(
                        "websocket-handshake-as-http",
                        Set.of(
                                "JGI-WS-1",
                                "JGI-WS-2",
                                "JGI-WS-4",
                                "JGI-WS-5",
                                "JGI-WS-6",
                                "JGI-WS-7",
                                "JGI-WS-9",
                                "JGI-WS-10",
                                "JGI-REQ-9"),
                        r -> new Request(
                                r.method(),
                                r.scheme(),
                                r.version(),
                                r.target(),
                                r.headers(),
                                r.client(),
                                r.server(),
                                r.tls(),
                                r.state(),
                                r.extensions(),
                                Request.Kind.HTTP)),
                Fault.ofWire("head-answered-with-body", Set.of("JGI-FRAME-4", "JGI-FRAME-10"), new WireFault() {
                    public String request(String head) {
                        return head.startsWith("HEAD ") ? "GET " + head.substring(5) : head;
                    }
                }),
                Fault.ofWire("content-length-with-chunked-accepted", Set.of("JGI-BODY-11"), new WireFault() {
                    public String request(String head) {
                        return head.toLowerCase().contains("\r\ncontent-length:")
                                ? head.replaceAll("(?i)\r\nTransfer-Encoding: chunked", "")
                                : head;
                    }
                }),
                Fault.ofWire("set-cookie-folded", Set.of("JGI-HDR-2"), new WireFault() {
                    public String response(String head) {
                        List<String> cookies = new ArrayList<>();
                        StringBuilder rest = new StringBuilder();
                        for (String line : head.split("\r\n")) {
                            if (line.toLowerCase().startsWith("set-cookie:")) {
                                cookies.add(line.substring(11).strip());
                            } else if (!line.isEmpty()) {
                                rest.append(line).append("\r\n");
                            }
                        }
                        return cookies.isEmpty()
                                ? head
                                : rest + "Set-Cookie: " + String.join(", ", cookies) + "\r\n\r\n";
                    }
                }),
                Fault.ofWire(
                        "final-chunk-after-failure", Set.of("JGI-ERR-2", "JGI-ERR-5", "JGI-ERR-6"), new WireFault() {
                            public String afterServerClose(String head, String tail) {
                                return head.toLowerCase().contains("transfer-encoding: chunked")
                                                && !tail.endsWith("0\r\n\r\n")
                                        ? "\r\n0\r\n\r\n"
                                        : "";
                            }
                        }),
                Fault.ofWire(
                        "connection-close-ignored",
                        Set.of("JGI-FRAME-7", "JGI-FRAME-9", "JGI-ERR-2", "JGI-ERR-5", "JGI-ERR-6", "JGI-ERR-7"),
                        new WireFault() {
                            public String response(String head) {
                                return head.replaceAll("(?i)\r\nConnection: close", "");
                            }

                            public boolean closeWithServer() {
                                return false;
                            }
                        }),
                Fault.ofWire("missing-host-supplied", Set.of("JGI-HDR-7"), new WireFault() {
                    public String request(String head) {
                        return head.toLowerCase().contains("\r\nhost:")
                                ? head
                                : head.replaceFirst("\r\n", "\r\nHost: supplied.test\r\n");
                    }
                }),
                Fault.ofWire("continue-sent-before-reading", Set.of("JGI-BODY-4", "JGI-BODY-5"), new WireFault() {
                    public String early(String head) {
                        return head.toLowerCase().contains("expect: 100-continue")
                                ? "HTTP/1.1 100 Continue\r\n\r\n"
                                : "";
                    }

                    public String request(String head) {
                        return head.replaceAll("(?i)\r\nExpect: 100-continue", "");
                    }
                }));
    }

    private static Headers capitalised(Headers headers) {
        Headers.Builder out = Headers.builder();
        headers.forEach((name, value) -> out.add(Character.toUpperCase(name.charAt(0)) + name.substring(1), value));
        return out.build();
    }

    private static Headers folded(Headers headers) {
        Map<String, List<String>> byName = new java.util.LinkedHashMap<>();
        headers.forEach((name, value) ->
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(value));
        Headers.Builder out = Headers.builder();
        byName.forEach((name, values) -> out.add(name, String.join(", ", values)));
        return out.build();
    }

    /** How a faulty server registers one completion hook. */
    private interface HookRegistry {
        void register(Exchange exchange, Consumer<Completion> hook, List<Consumer<Completion>> registered);
    }

    private static Fault hooks(String name, Set<String> clauses, HookRegistry registry) {
        return Fault.ofApps(
                name,
                clauses,
                app -> Wrap.sync(app, (request, exchange) -> {
                    List<Consumer<Completion>> registered = new java.util.concurrent.CopyOnWriteArrayList<>();
                    return app.handle(request, new DelegatingExchange(exchange) {
                        @Override
                        public void onComplete(Consumer<Completion> hook) {
                            registry.register(exchange, hook, registered);
                        }
                    });
                }),
                app -> app);
    }

    private static Response streamClosed(Response response, int closes) {
        if (!(response.body() instanceof Body.Stream stream)) {
            return response;
        }
        return response.withBody(new Body.Stream(new FilterInputStream(stream.input()) {
            @Override
            public void close() throws IOException {
                for (int i = 0; i < closes; i++) {
                    super.close();
                }
            }
        }));
    }

    /** A channel that, after the WebSocket close event, answers later receives with a disconnect. */
    private static final class ClosingOnceChannel implements dev.jgi.api.Channel {
        private final dev.jgi.api.Channel server;
        private volatile boolean closed;

        ClosingOnceChannel(dev.jgi.api.Channel server) {
            this.server = server;
        }

        @Override
        public java.util.concurrent.CompletionStage<dev.jgi.api.Event> receive() {
            if (closed) {
                return java.util.concurrent.CompletableFuture.completedFuture(new dev.jgi.api.Event.Disconnect());
            }
            return server.receive().thenApply(event -> {
                closed = event instanceof dev.jgi.api.Event.WebSocketClose;
                return event;
            });
        }

        @Override
        public java.util.concurrent.CompletionStage<Void> send(dev.jgi.api.Action action) {
            return server.send(action);
        }

        @Override
        public void onComplete(Consumer<Completion> hook) {
            server.onComplete(hook);
        }
    }

    /**
     * A channel that queues WebSocket messages without bound and completes their send stages at
     * once, as a server that does not wait for the transport would [JGI-WS-10].
     */
    private static final class EagerSendChannel implements dev.jgi.api.Channel {
        private final dev.jgi.api.Channel server;
        private java.util.concurrent.CompletableFuture<Void> queue =
                java.util.concurrent.CompletableFuture.completedFuture(null);

        EagerSendChannel(dev.jgi.api.Channel server) {
            this.server = server;
        }

        @Override
        public java.util.concurrent.CompletionStage<dev.jgi.api.Event> receive() {
            return server.receive();
        }

        @Override
        public synchronized java.util.concurrent.CompletionStage<Void> send(dev.jgi.api.Action action) {
            queue = queue.thenCompose(x -> server.send(action));
            return action instanceof dev.jgi.api.Action.WebSocketSendBinary
                    ? java.util.concurrent.CompletableFuture.completedFuture(null)
                    : queue;
        }

        @Override
        public void onComplete(Consumer<Completion> hook) {
            server.onComplete(hook);
        }
    }

    /** An exchange that hands everything to the server's. */
    private static class DelegatingExchange implements Exchange {
        private final Exchange server;

        DelegatingExchange(Exchange server) {
            this.server = server;
        }

        @Override
        public InputStream body() {
            return server.body();
        }

        @Override
        public void limitBody(long maxBytes) {
            server.limitBody(maxBytes);
        }

        @Override
        public void onComplete(Consumer<Completion> hook) {
            server.onComplete(hook);
        }

        @Override
        public boolean isDisconnected() {
            return server.isDisconnected();
        }

        @Override
        public boolean sendEarlyHints(Headers headers) {
            return server.sendEarlyHints(headers);
        }
    }

    private static final class TruncatingExchange extends DelegatingExchange {
        private final InputStream cut;

        TruncatingExchange(Exchange server, int limit) {
            super(server);
            this.cut = new java.io.BufferedInputStream(new FilterInputStream(server.body()) {
                private int left = limit;

                @Override
                public int read() throws IOException {
                    return left-- > 0 ? super.read() : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(b, off, Math.min(len, left));
                    left -= Math.max(0, n);
                    return n;
                }
            });
        }

        @Override
        public InputStream body() {
            return cut;
        }
    }

    private static final class HintsClaimingExchange extends DelegatingExchange {
        HintsClaimingExchange(Exchange server) {
            super(server);
        }

        @Override
        public boolean sendEarlyHints(Headers headers) {
            return true;
        }
    }

    static Optional<Fault> named(String name) {
        return all().stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
