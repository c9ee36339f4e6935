package dev.jgi.tck.selftest;

import dev.jgi.api.Action;
import dev.jgi.api.Body;
import dev.jgi.api.Channel;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * Faults in how the server frames and streams a response: the length it announces, when the bytes
 * an application wrote leave, and what a HEAD response carries.
 */
final class FramingFaults {

    private FramingFaults() {}

    static List<Fault> all() {
        return List.of(
                // A flush before the end commits the head without a length, as a server that treats every body as
                // streamed.
                // Every test that reads a sized answer as content-length framed fails too, whatever its clause.
                Wrap.response(
                        "known-length-sent-chunked",
                        Set.of("JGI-FRAME-2", "JGI-BODYOUT-1", "JGI-BODY-12"),
                        (request, r) -> switch (r.body()) {
                            case Body.Bytes bytes -> r.withBody(flushedAtOnce(array(bytes.data())));
                            case Body.Text text ->
                                r.withBody(flushedAtOnce(text.text().getBytes(text.charset())));
                            default -> r;
                        }),
                // The writer runs to its end before anything is sent: no chunking, no streaming, no
                // backpressure, and a client that left is never noticed.
                Wrap.response(
                        "writer-body-buffered-whole",
                        Set.of(
                                "JGI-FRAME-1",
                                "JGI-FRAME-3",
                                "JGI-BODYOUT-4",
                                "JGI-STREAM-6",
                                "JGI-STREAM-1",
                                "JGI-DISC-1",
                                "JGI-ADAPT-2",
                                "JGI-ERR-2",
                                "JGI-DONE-1",
                                "JGI-DISC-2",
                                "JGI-DISC-6"),
                        (request, r) -> {
                            if (!(r.body() instanceof Body.Writer writer)) {
                                return r;
                            }
                            ByteArrayOutputStream whole = new ByteArrayOutputStream();
                            try {
                                writer.writeTo(whole);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                            return r.withBody(Body.of(whole.toByteArray()));
                        }),
                Wrap.response(
                        "writer-flush-ignored",
                        // Nothing reaches the client until the writer ends: no chunking mid-body, no abort a client
                        // can tell, no disconnect seen while the writer waits.
                        Set.of(
                                "JGI-BODYOUT-4",
                                "JGI-STREAM-6",
                                "JGI-ADAPT-2",
                                "JGI-FRAME-1",
                                "JGI-ERR-2",
                                "JGI-DISC-6"),
                        (request, r) -> writingTo(r, out -> new FilterOutputStream(out) {
                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                out.write(b, off, len);
                            }

                            @Override
                            public void flush() {
                                // the fault: what was written waits for the server's buffer to fill
                            }
                        })),
                Wrap.response(
                        "disconnect-reported-as-io-error",
                        Set.of("JGI-DISC-1"),
                        (request, r) -> writingTo(r, out -> new FilterOutputStream(out) {
                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                try {
                                    out.write(b, off, len);
                                } catch (ClientDisconnectedException e) {
                                    throw new IOException("Broken pipe", e);
                                }
                            }

                            @Override
                            public void flush() throws IOException {
                                try {
                                    out.flush();
                                } catch (ClientDisconnectedException e) {
                                    throw new IOException("Broken pipe", e);
                                }
                            }
                        })),
                Fault.ofApps(
                        "mismatched-content-length-dropped",
                        Set.of("JGI-FRAME-6"),
                        app -> Wrap.sync(app, (request, exchange) -> withoutLength(app.handle(request, exchange))),
                        app -> Wrap.async(
                                app,
                                (request, channel) -> app.handle(
                                        request,
                                        new Starting(
                                                channel,
                                                start -> new Action.ResponseStart(
                                                        start.status(),
                                                        start.headers().without("content-length"),
                                                        start.trailers()))))),
                Fault.ofApps(
                        "head-answered-without-the-get-fields",
                        Set.of("JGI-FRAME-10"),
                        app -> Wrap.sync(app, (request, exchange) -> {
                            Response response = app.handle(request, exchange);
                            return request.method().equals("HEAD") ? response.withHeaders(Headers.of()) : response;
                        }),
                        app -> Wrap.async(
                                app,
                                (request, channel) -> app.handle(
                                        request,
                                        request.method().equals("HEAD")
                                                ? new Starting(
                                                        channel,
                                                        start -> new Action.ResponseStart(
                                                                start.status(), Headers.of(), start.trailers()))
                                                : channel))),
                Wrap.response(
                        "short-file-region-clipped",
                        Set.of("JGI-BODYOUT-5"),
                        (request, r) -> r.body() instanceof Body.FileRegion file ? r.withBody(clipped(file)) : r),
                Wrap.channel(
                        "body-pieces-coalesced",
                        // Held pieces complete at once, so nothing holds the application back either.
                        // Held pieces go out only at the end, so a failure or a departure mid-body is
                        // seen like a whole body's.
                        Set.of(
                                "JGI-STREAM-6",
                                "JGI-ADAPT-1",
                                "JGI-STREAM-1",
                                "JGI-FRAME-1",
                                "JGI-ERR-2",
                                "JGI-ERR-6",
                                "JGI-DONE-1",
                                "JGI-DISC-6"),
                        (request, channel) -> new Coalescing(channel)));
    }

    private static byte[] array(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return bytes;
    }

    private static Body flushedAtOnce(byte[] bytes) {
        return Body.writer(out -> {
            out.write(bytes);
            out.flush();
        });
    }

    /** The response with its writer's stream passed through {@code fault}; any other body as it is. */
    private static Response writingTo(Response response, UnaryOperator<OutputStream> fault) {
        return response.body() instanceof Body.Writer writer
                ? response.withBody(Body.writer(out -> writer.writeTo(fault.apply(out))))
                : response;
    }

    /** The response with the application's content-length dropped, so the server frames the body it gets. */
    private static Response withoutLength(Response response) {
        return response.withHeaders(response.headers().without("content-length"));
    }

    /** The region cut to what the file holds, as a server that trusts the file over the application would. */
    private static Body clipped(Body.FileRegion file) {
        try {
            long held = Math.max(0, Files.size(file.path()) - file.offset());
            return file.length().isPresent() && file.length().getAsLong() > held
                    ? new Body.FileRegion(file.path(), file.offset(), OptionalLong.of(held))
                    : file;
        } catch (IOException unreadable) {
            return file;
        }
    }

    /** A channel whose response start passes a fault first. */
    private static final class Starting extends ForwardingChannel {
        private final UnaryOperator<Action.ResponseStart> corrupt;

        Starting(Channel server, UnaryOperator<Action.ResponseStart> corrupt) {
            super(server);
            this.corrupt = corrupt;
        }

        @Override
        public CompletionStage<Void> send(Action action) {
            return super.send(action instanceof Action.ResponseStart start ? corrupt.apply(start) : action);
        }
    }

    /** A channel that holds the body pieces an application sends and sends them as one with the last. */
    private static final class Coalescing extends ForwardingChannel {
        private final ByteArrayOutputStream held = new ByteArrayOutputStream();

        Coalescing(Channel server) {
            super(server);
        }

        @Override
        public synchronized CompletionStage<Void> send(Action action) {
            if (!(action instanceof Action.ResponseBody body)) {
                return super.send(action);
            }
            byte[] piece = array(body.data());
            held.write(piece, 0, piece.length);
            if (body.more()) {
                return CompletableFuture.completedFuture(null);
            }
            byte[] whole = held.toByteArray();
            held.reset();
            return super.send(new Action.ResponseBody(ByteBuffer.wrap(whole), false));
        }
    }
}
