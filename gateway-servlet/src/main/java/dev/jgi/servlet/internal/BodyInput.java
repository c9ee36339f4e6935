package dev.jgi.servlet.internal;

import dev.jgi.api.BodyTooLargeException;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Headers;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request body of a sync exchange: the container's blocking stream, held to the body limit
 * [JGI-LIM-3], with the container's read failures reported as a client disconnect [JGI-BODY-8].
 */
final class BodyInput extends InputStream {

    private final HttpServletRequest request;
    private final long limit;
    private ServletInputStream in;
    private long count;
    private volatile boolean overLimit;
    private volatile boolean disconnected;
    private volatile boolean readFailed;

    BodyInput(HttpServletRequest request, long limit) {
        this.request = request;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    /** The request's trailers, once the body ended [JGI-BODY-14]. */
    Headers trailers() {
        return Trailers.received(request);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (overLimit) {
            throw tooLarge();
        }
        int n;
        try {
            if (in == null) {
                // The first read is what makes the container send 100 Continue [JGI-BODY-4].
                in = request.getInputStream();
            }
            n = in.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            // Jetty reports a malformed chunk as an early EOF, like a client that left, so a chunked
            // body's read failure earns a 400 if nothing was committed. Under a content-length no
            // chunk can be malformed: the client left, and the application's answer stands [JGI-BODY-8].
            readFailed = request.getContentLengthLong() < 0;
            if (ReadFailures.malformed(e)) {
                throw new IOException("[JGI-BODY-9] the request body is malformed: " + e.getMessage(), e);
            }
            if (e instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            disconnected = true;
            throw new ClientDisconnectedException(
                    "[JGI-BODY-8] the request body could not be read: " + e.getMessage(), e);
        }
        if (n > 0 && (count += n) > limit) {
            overLimit = true;
            throw tooLarge();
        }
        return n;
    }

    private IOException tooLarge() {
        return new BodyTooLargeException(
                "[JGI-LIM-3] the request body exceeds the limit of " + limit + " bytes", limit);
    }

    /** The status the bridge owes the client instead of the application's answer, or 0. */
    int refusal() {
        return overLimit ? 413 : readFailed ? 400 : 0;
    }

    boolean disconnected() {
        return disconnected;
    }
}
