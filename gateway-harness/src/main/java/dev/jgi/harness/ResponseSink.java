package dev.jgi.harness;

import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Completion;
import dev.jgi.api.Headers;
import dev.jgi.kernel.body.LimitedBody;
import dev.jgi.kernel.response.BodyLength;
import dev.jgi.kernel.response.InvalidResponseException;
import dev.jgi.kernel.response.ResponseBreach;
import dev.jgi.kernel.response.ResponseHead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * What the simulated client receives, with the server's framing applied: no body bytes for HEAD,
 * 204, 304 or 1xx [JGI-FRAME-4] (what the application produced anyway is kept apart), a 500 for a
 * failure before commit [JGI-ERR-1] and an abort after it [JGI-ERR-2]. Thread-safe.
 */
final class ResponseSink {

    private final String method;
    private final ClientState client;
    private final long startedAt = System.nanoTime();
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final ByteArrayOutputStream unsent = new ByteArrayOutputStream();
    private final List<Headers> earlyHints = new ArrayList<>();
    private int status;
    private Headers headers = Headers.of();
    private boolean committed;
    private boolean finished;
    private boolean aborted;
    private Optional<Headers> trailers = Optional.empty();
    private Throwable error;
    private Duration duration;
    private OptionalLong declaredLength = OptionalLong.empty();
    private BodyLength bodyLength;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    ResponseSink(String method, ClientState client) {
        this.method = method;
        this.client = client;
        this.bodyLength = new BodyLength(method, status, declaredLength);
    }

    /**
     * Takes the response head.
     *
     * @throws InvalidResponseException for a head a server refuses with 500 [JGI-ERR-4]
     */
    synchronized void head(int newStatus, Headers newHeaders) throws InvalidResponseException {
        declaredLength = ResponseHead.check(newStatus, newHeaders);
        bodyLength = new BodyLength(method, newStatus, declaredLength);
        status = newStatus;
        headers = newHeaders;
    }

    /** A WebSocket handshake accepted: 101, and the connection is the application's. */
    synchronized void upgrade(Headers newHeaders) {
        status = 101;
        headers = newHeaders;
        committed = true;
    }

    private boolean noBody() {
        return ResponseHead.bodiless(method, status);
    }

    synchronized boolean committed() {
        return committed;
    }

    /** Completes when the response is over: sent whole, aborted or answered by the server. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    synchronized boolean finished() {
        return finished;
    }

    synchronized void commit() {
        committed = true;
    }

    synchronized void earlyHints(Headers hints) {
        earlyHints.add(hints);
    }

    synchronized void trailers(Headers fields) {
        trailers = Optional.of(fields);
    }

    synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        if (noBody()) {
            committed = true;
            unsent.write(bytes, offset, length);
            return;
        }
        Optional<ResponseBreach> past = bodyLength.add(length);
        if (past.isPresent()) {
            throw new IOException(past.get().message());
        }
        committed = true;
        long accepted = client.accepts(sent.size());
        sent.write(bytes, offset, (int) Math.min(length, accepted));
        if (accepted < length) {
            client.leave();
            throw new ClientDisconnectedException("[JGI-DISC-1] the client went away during the response");
        }
    }

    /** For a body whose length is known before it is sent: a mismatch is refused before commit. */
    synchronized void expectLength(long known) throws IOException {
        Optional<ResponseBreach> mismatch = BodyLength.check(method, status, declaredLength, known);
        if (mismatch.isPresent()) {
            throw new IOException(mismatch.get().message());
        }
    }

    synchronized void write(ByteBuffer data) throws IOException {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        write(bytes, 0, bytes.length);
    }

    /** A stream onto the body; flush commits the head. */
    OutputStream stream() {
        return new OutputStream() {
            private volatile boolean closed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                if (closed) {
                    throw new IOException("[JGI-BODYOUT-6] the body stream was closed after the writer returned");
                }
                ResponseSink.this.write(b, off, len);
            }

            @Override
            public void flush() {
                commit();
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }

    synchronized void finish() {
        Optional<ResponseBreach> shortBody = finished ? Optional.empty() : bodyLength.end();
        if (shortBody.isPresent()) {
            fail(new IOException(shortBody.get().message()));
        }
        if (!finished) {
            committed = true;
            finished = true;
            duration = Duration.ofNanos(System.nanoTime() - startedAt);
            ended.complete(null);
        }
    }

    /** Ends the exchange with a failure: a 500 (413 for a body over a limit [JGI-LIM-8]) before commit, an abort after it. */
    synchronized void fail(Throwable failure) {
        if (finished) {
            return;
        }
        error = failure;
        if (committed) {
            aborted = true;
        } else if (LimitedBody.causedByLimit(failure)) {
            answer(LimitedBody.TOO_LARGE, "Content Too Large");
        } else if (!(failure instanceof ClientDisconnectedException)) {
            answer(500, "Internal Server Error");
        }
        finished = true;
        duration = Duration.ofNanos(System.nanoTime() - startedAt);
        ended.complete(null);
    }

    /** Answers for the server, without the application or instead of its failed response. */
    synchronized void answer(int newStatus, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        status = newStatus;
        headers = Headers.of(
                "content-type", "text/plain; charset=utf-8", "content-length", Integer.toString(bytes.length));
        declaredLength = OptionalLong.empty();
        bodyLength = new BodyLength(method, newStatus, declaredLength);
        unsent.reset();
        sent.reset();
        sent.write(bytes, 0, bytes.length);
        trailers = Optional.empty();
        committed = true;
        finished = true;
        duration = Duration.ofNanos(System.nanoTime() - startedAt);
        ended.complete(null);
    }

    synchronized Completion completion() {
        return new Completion(
                committed ? status : 0,
                sent.size(),
                Optional.ofNullable(aborted || client.gone() ? error : null),
                duration == null ? Duration.ofNanos(System.nanoTime() - startedAt) : duration);
    }

    synchronized TestResponse response(Completion completion) {
        return new TestResponse(
                status,
                headers,
                ByteBuffer.wrap(sent.toByteArray()),
                trailers,
                earlyHints,
                ByteBuffer.wrap(unsent.toByteArray()),
                client.continued(),
                completion,
                aborted,
                Optional.ofNullable(error));
    }
}
