package dev.jgi.server.http;

import dev.jgi.api.Application;
import dev.jgi.api.Body;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.kernel.body.LimitedBody;
import dev.jgi.kernel.response.BodyLength;
import dev.jgi.kernel.response.InvalidResponseException;
import dev.jgi.kernel.response.ResponseBreach;
import dev.jgi.kernel.response.ResponseHead;
import dev.jgi.kernel.response.TrailerFraming;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * One call of a sync application, on its own (virtual) thread [JGI-APP-2]. The application and
 * everything that may block (encoding text, opening files, running a writer) happen here; what
 * touches Undertow is handed to the I/O thread, which is measurably faster than driving Undertow's
 * write path from a fresh virtual thread (docs/architecture.md).
 */
final class SyncCall implements Runnable {

    private final Application app;
    private final Request request;
    /** The answer to an application failure caused by a body over a limit, sync or async [JGI-LIM-8]. */
    static final Admission.Refused BODY_OVER_LIMIT =
            new Admission.Refused(LimitedBody.TOO_LARGE, "[JGI-LIM-8] the request body is over a limit");

    private final Transport transport;
    private final SyncExchange exchange;

    SyncCall(Application app, Request request, Transport transport, SyncExchange exchange) {
        this.app = app;
        this.request = request;
        this.transport = transport;
        this.exchange = exchange;
    }

    @Override
    public void run() {
        transport.appCalled();
        Response response;
        try {
            response = app.handle(request, exchange);
        } catch (Throwable failure) {
            if (LimitedBody.causedByLimit(failure)) {
                transport.execute(() -> {
                    transport.refuseBody(BODY_OVER_LIMIT);
                    transport.fail("[JGI-LIM-8] the application failed on a body over a limit", failure);
                });
            } else {
                fail("[JGI-ERR-1] the application failed", failure);
            }
            return;
        } finally {
            transport.appReturned();
            Thread.interrupted();
        }
        if (response == null) {
            fail("[JGI-APP-3] the application returned null", null);
            return;
        }
        try {
            send(response);
        } catch (InvalidResponseException invalid) {
            fail("[JGI-ERR-4] " + invalid.getMessage(), null);
        } catch (Throwable failure) {
            fail("[JGI-ERR-2] the response body failed", failure);
        }
    }

    private void fail(String clause, Throwable failure) {
        transport.execute(() -> transport.fail(clause, failure));
    }

    private void send(Response response) throws Exception {
        int status = response.status();
        Headers headers = response.headers();
        // The supplier runs on this thread, never on the I/O thread, and only where trailers travel [JGI-EXT-8].
        Optional<Supplier<Headers>> trailers = response.trailers()
                .filter(supplier -> TrailerFraming.travel(request.version(), request.method(), status));
        if (trailers.isPresent()) {
            transport.execute(transport::announceTrailers);
        }
        switch (response.body()) {
            case Body.Empty empty -> fixed(status, headers, null, trailers);
            case Body.Bytes bytes -> fixed(status, headers, bytes.data(), trailers);
            case Body.Text text ->
                fixed(status, headers, ByteBuffer.wrap(text.text().getBytes(text.charset())), trailers);
            case Body.FileRegion file -> file(status, headers, file, trailers);
            case Body.Stream stream -> {
                try (InputStream input = stream.input()) {
                    streamed(status, headers, input::transferTo, trailers);
                }
            }
            case Body.Writer writer -> streamed(status, headers, writer::writeTo, trailers);
        }
    }

    /**
     * Hands the trailers over before the body's end, which sends them; a body of known length is
     * whole before it is sent, so its supplier may run first.
     */
    private void giveTrailers(Optional<Supplier<Headers>> trailers) {
        if (trailers.isPresent()) {
            Headers fields = trailers.get().get();
            transport.execute(() -> transport.trailers(fields));
        }
    }

    private void fixed(int status, Headers headers, ByteBuffer body, Optional<Supplier<Headers>> trailers)
            throws InvalidResponseException {
        matches(status, headers, body == null ? 0 : body.remaining());
        giveTrailers(trailers);
        transport.execute(() -> {
            if (transport.bodyRefused()) {
                transport.fail("[JGI-LIM-3] the request body crossed the limit or was malformed", null);
            } else {
                transport.respond(status, headers, body);
            }
        });
    }

    private void file(int status, Headers headers, Body.FileRegion region, Optional<Supplier<Headers>> trailers)
            throws Exception {
        FileChannel file = FileChannel.open(region.path(), StandardOpenOption.READ);
        try {
            long size = file.size();
            long length = region.length().orElse(Math.max(0, size - region.offset()));
            if (region.offset() + length > size) {
                throw new IOException("[JGI-BODYOUT-5] the file " + region.path() + " is shorter than the region");
            }
            matches(status, headers, length);
            giveTrailers(trailers);
            transport.execute(() -> transport.respondFile(status, headers, file, region.offset(), length));
        } catch (Exception e) {
            file.close();
            throw e;
        }
    }

    /** The body a stream or a writer produces, through a {@link BodyOutput}; never run for HEAD. */
    private void streamed(int status, Headers headers, BodyWriter body, Optional<Supplier<Headers>> trailers)
            throws Exception {
        OptionalLong declared = ResponseHead.check(status, headers);
        if (transport.head || status == 204 || status == 304) {
            transport.execute(() -> transport.respondHead(status, headers));
            return;
        }
        BodyOutput out = new BodyOutput(transport, status, headers, new BodyLength(request.method(), status, declared));
        body.writeTo(out);
        // They travel with the last piece, which the I/O thread may take without another hand-off.
        trailers.ifPresent(supplier -> out.trailers(supplier.get()));
        out.close();
    }

    /** Checks the head, and a body of known length against its content-length [JGI-FRAME-6]. */
    private void matches(int status, Headers headers, long length) throws InvalidResponseException {
        OptionalLong declared = ResponseHead.check(status, headers);
        Optional<ResponseBreach> mismatch = BodyLength.check(request.method(), status, declared, length);
        if (mismatch.isPresent()) {
            throw new InvalidResponseException(mismatch.get());
        }
    }

    @FunctionalInterface
    private interface BodyWriter {
        void writeTo(java.io.OutputStream out) throws IOException;
    }
}
