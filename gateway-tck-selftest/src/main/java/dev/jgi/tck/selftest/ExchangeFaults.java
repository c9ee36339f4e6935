package dev.jgi.tck.selftest;

import dev.jgi.api.Application;
import dev.jgi.api.Body;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Faults of a sync application's exchange and response: the request body it reads, what the server
 * answers for a failure, the response body's stream, and early hints.
 */
final class ExchangeFaults {

    private ExchangeFaults() {}

    static List<Fault> all() {
        return List.of(
                sync(
                        "body-cut-after-4-bytes",
                        // BODY-14 too: a body cut short never reaches its end, after which trailers are read.
                        Set.of("JGI-BODY-1", "JGI-BODY-2", "JGI-BODY-8", "JGI-LIM-7", "JGI-BODY-14"),
                        app -> (request, exchange) -> app.handle(request, new TruncatingExchange(exchange, 4))),
                sync(
                        "failure-answered-200",
                        Set.of(
                                "JGI-ERR-1",
                                "JGI-ERR-5",
                                "JGI-ERR-7",
                                "JGI-DONE-1",
                                "JGI-DONE-3",
                                "JGI-LIM-8",
                                "JGI-WS-17"),
                        app -> (request, exchange) -> {
                            try {
                                return app.handle(request, exchange);
                            } catch (Exception e) {
                                return Response.empty(200);
                            }
                        }),
                // WS-17 too: a sync WebSocket app that throws now returns, so the server closes with 1000, not 1011.
                sync(
                        "stack-trace-in-the-500",
                        Set.of("JGI-ERR-1", "JGI-LIM-8", "JGI-WS-17"),
                        app -> (request, exchange) -> {
                            try {
                                return app.handle(request, exchange);
                            } catch (Exception e) {
                                return Response.text(500, e.toString());
                            }
                        }),
                sync(
                        "data-after-end-of-body",
                        Set.of("JGI-BODY-10", "JGI-BODY-1", "JGI-BODY-2", "JGI-BODY-3"),
                        app -> (request, exchange) -> app.handle(request, new DataAfterEndExchange(exchange))),
                sync(
                        "no-body-reads-as-one-byte",
                        Set.of("JGI-BODY-3"),
                        app -> (request, exchange) -> request.header("content-length")
                                                .isPresent()
                                        || request.header("transfer-encoding").isPresent()
                                ? app.handle(request, exchange)
                                : app.handle(request, new DelegatingExchange(exchange) {
                                    private final InputStream one = new ByteArrayInputStream(new byte[] {'x'});

                                    @Override
                                    public InputStream body() {
                                        return one;
                                    }
                                })),
                sync(
                        "stream-body-never-closed",
                        Set.of("JGI-BODYOUT-3"),
                        app -> (request, exchange) -> streamClosed(app.handle(request, exchange), 0)),
                sync(
                        "stream-body-closed-twice",
                        Set.of("JGI-BODYOUT-3"),
                        app -> (request, exchange) -> streamClosed(app.handle(request, exchange), 2)),
                // A retrying front inside the server: a bodiless GET answered with bytes is handled once more.
                // The second call repeats what the first did on the same exchange: its 103, its hooks, its
                // disconnect callback and its WebSocket session.
                sync(
                        "bodiless-get-handled-twice",
                        Set.of("JGI-APP-1", "JGI-EXT-3", "JGI-DONE-1", "JGI-DISC-7", "JGI-WS-17"),
                        app -> (request, exchange) -> {
                            Response first = app.handle(request, exchange);
                            boolean replayed = request.method().equals("GET")
                                    && request.header("content-length").isEmpty()
                                    && request.header("transfer-encoding").isEmpty()
                                    && (first.body() instanceof Body.Bytes || first.body() instanceof Body.Text);
                            return replayed ? app.handle(request, exchange) : first;
                        }),
                sync(
                        "early-hints-claimed-not-sent",
                        Set.of("JGI-CAP-5", "JGI-EXT-3", "JGI-EXT-11"),
                        app -> (request, exchange) -> app.handle(request, new DelegatingExchange(exchange) {
                            @Override
                            public boolean sendEarlyHints(Headers headers) {
                                return true;
                            }
                        })));
    }

    /** A fault of sync applications only: {@code handler} gives the faulty handler of an application. */
    private static Fault sync(String name, Set<String> clauses, UnaryOperator<Application> handler) {
        return Fault.ofApps(name, clauses, app -> Wrap.sync(app, handler.apply(app)), app -> app);
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

    /** An exchange whose request body, once it has ended, goes on with a byte of data. */
    private static final class DataAfterEndExchange extends DelegatingExchange {
        private final InputStream body;

        DataAfterEndExchange(Exchange server) {
            super(server);
            this.body = new SequenceInputStream(server.body(), new ByteArrayInputStream(new byte[0])) {
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
        }

        @Override
        public InputStream body() {
            return body;
        }
    }
}
