package dev.jgi.server.http;

import dev.jgi.api.Application;
import dev.jgi.api.Body;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * One call of a sync application, on its own (virtual) thread [JGI-APP-2]. The application and
 * everything that may block (encoding text, opening files, running a writer) happen here; what
 * touches Undertow is handed to the I/O thread, which is measurably faster than driving Undertow's
 * write path from a fresh virtual thread (docs/architecture.md).
 */
final class SyncCall implements Runnable {

    private final Application app;
    private final Request request;
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
            if (response == null) {
                throw new ResponseCheck.Invalid("[JGI-APP-3] the application returned null");
            }
        } catch (ResponseCheck.Invalid invalid) {
            fail(invalid.getMessage(), null);
            return;
        } catch (Throwable failure) {
            fail("[JGI-ERR-1] the application failed", failure);
            return;
        } finally {
            transport.appReturned();
            Thread.interrupted();
        }
        try {
            send(response);
        } catch (ResponseCheck.Invalid invalid) {
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
        Headers headers = status == 204 ? ResponseCheck.forNoContent(response.headers()) : response.headers();
        switch (response.body()) {
            case Body.Empty empty -> fixed(status, headers, null);
            case Body.Bytes bytes -> fixed(status, headers, bytes.data());
            case Body.Text text ->
                fixed(status, headers, ByteBuffer.wrap(text.text().getBytes(text.charset())));
            case Body.FileRegion file -> file(status, headers, file);
            case Body.Stream stream -> {
                try (InputStream input = stream.input()) {
                    streamed(status, headers, input::transferTo);
                }
            }
            case Body.Writer writer -> streamed(status, headers, writer::writeTo);
        }
    }

    private void fixed(int status, Headers headers, ByteBuffer body) throws ResponseCheck.Invalid {
        ResponseCheck.check(status, headers, body == null ? 0 : body.remaining());
        transport.execute(() -> {
            if (transport.bodyRefused()) {
                transport.fail("[JGI-LIM-3] the request body crossed the limit or was malformed", null);
            } else {
                transport.respond(status, headers, body);
            }
        });
    }

    private void file(int status, Headers headers, Body.FileRegion region) throws Exception {
        FileChannel file = FileChannel.open(region.path(), StandardOpenOption.READ);
        try {
            long size = file.size();
            long length = region.length().orElse(Math.max(0, size - region.offset()));
            if (region.offset() + length > size) {
                throw new IOException("[JGI-BODYOUT-5] the file " + region.path() + " is shorter than the region");
            }
            ResponseCheck.check(status, headers, length);
            transport.execute(() -> transport.respondFile(status, headers, file, region.offset(), length));
        } catch (Exception e) {
            file.close();
            throw e;
        }
    }

    /** The body a stream or a writer produces, through a {@link BodyOutput}; never run for HEAD. */
    private void streamed(int status, Headers headers, BodyWriter body) throws Exception {
        long declared = ResponseCheck.check(status, headers, -1);
        if (transport.head || status == 204 || status == 304) {
            transport.execute(() -> transport.respondHead(status, headers));
            return;
        }
        BodyOutput out = new BodyOutput(transport, status, headers, declared);
        body.writeTo(out);
        out.close();
    }

    @FunctionalInterface
    private interface BodyWriter {
        void writeTo(java.io.OutputStream out) throws IOException;
    }
}
