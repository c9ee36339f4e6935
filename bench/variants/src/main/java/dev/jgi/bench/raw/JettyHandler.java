package dev.jgi.bench.raw;

import dev.jgi.bench.Workload;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The workload as a Jetty core handler. It is a blocking handler, so Jetty runs it on a virtual
 * thread and it may sleep or wait for a write.
 */
final class JettyHandler extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        switch (Request.getPathInContext(request)) {
            case "/plaintext" -> write(response, callback, "text/plain", Workload.plaintextBytes());
            case "/json" ->
                write(response, callback, "application/json", Workload.json().getBytes(StandardCharsets.UTF_8));
            case "/echo" -> {
                ByteBuffer body = Content.Source.asByteBuffer(request);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.remaining());
                response.write(true, body, callback);
            }
            case "/stream" -> {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
                for (int i = 0; i < Workload.STREAM_CHUNKS; i++) {
                    var written = new Callback.Completable();
                    response.write(false, ByteBuffer.wrap(Workload.streamChunk()), written);
                    written.get();
                }
                response.write(true, null, callback);
            }
            case "/sleep" -> {
                Thread.sleep(Workload.SLEEP);
                write(response, callback, "text/plain", "slept".getBytes(StandardCharsets.US_ASCII));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void write(Response response, Callback callback, String type, byte[] body) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
