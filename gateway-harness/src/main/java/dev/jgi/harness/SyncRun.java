package dev.jgi.harness;

import dev.jgi.api.Application;
import dev.jgi.api.Body;
import dev.jgi.api.Capability;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.kernel.response.TrailerFraming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One exchange with a sync application, on its own virtual thread [JGI-APP-2]: the application's
 * answer is written the way a server writes it, including a {@link Body.Writer} run on the
 * application's thread [JGI-BODYOUT-4].
 */
final class SyncRun {

    private final Application app;

    SyncRun(Application app) {
        this.app = app;
    }

    void run(Request request, TestExchange exchange, ResponseSink sink) {
        Response response;
        try {
            response = app.handle(request, exchange);
        } catch (Throwable failure) {
            sink.fail(failure);
            return;
        }
        if (response == null) {
            sink.fail(new IllegalStateException("[JGI-APP-3] the application returned null"));
            return;
        }
        try {
            sink.head(response.status(), response.headers());
            write(response.body(), sink);
            Optional<Supplier<Headers>> trailers = response.trailers();
            // Where trailers cannot travel the supplier is never called [JGI-EXT-8].
            if (trailers.isPresent()
                    && request.capabilities().contains(Capability.TRAILERS)
                    && TrailerFraming.travel(request.version(), request.method(), response.status())) {
                sink.commit();
                sink.trailers(trailers.get().get());
            }
            sink.finish();
        } catch (Throwable failure) {
            sink.fail(failure);
        }
    }

    private static void write(Body body, ResponseSink sink) throws IOException {
        OutputStream out = sink.stream();
        switch (body) {
            case Body.Empty empty -> sink.expectLength(0);
            case Body.Bytes bytes -> writeKnown(bytes.data(), sink);
            case Body.Text text -> writeKnown(ByteBuffer.wrap(text.text().getBytes(text.charset())), sink);
            case Body.FileRegion file -> writeKnown(RegionReader.read(file.path(), file.offset(), file.length()), sink);
            case Body.Stream stream -> {
                try (InputStream in = stream.input()) {
                    in.transferTo(out);
                }
            }
            case Body.Writer writer -> {
                writer.writeTo(out);
                out.close();
            }
        }
    }

    /** [JGI-FRAME-2]: the length is known before the first byte, so a mismatch is a 500. */
    private static void writeKnown(ByteBuffer data, ResponseSink sink) throws IOException {
        sink.expectLength(data.remaining());
        sink.write(data);
    }
}
