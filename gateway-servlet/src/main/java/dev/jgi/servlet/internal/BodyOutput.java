package dev.jgi.servlet.internal;

import dev.jgi.api.ClientDisconnectedException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The response body of a sync exchange: the container's blocking stream, whose writes block while
 * the connection is busy [JGI-STREAM-1], counted for the completion and checked against the
 * application's content-length [JGI-FRAME-6].
 */
final class BodyOutput extends OutputStream {

    private final HttpServletResponse response;
    private final long declaredLength;
    private ServletOutputStream out;
    private long count;
    private boolean finished;
    private volatile boolean disconnected;

    /** @param declaredLength the content-length the application set, or -1 */
    BodyOutput(HttpServletResponse response, long declaredLength) {
        this.response = response;
        this.declaredLength = declaredLength;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (finished) {
            throw new IOException("[JGI-BODYOUT-4] the body stream is closed");
        }
        if (declaredLength >= 0 && count + length > declaredLength) {
            throw new IOException("[JGI-FRAME-6] the body is longer than its content-length " + declaredLength);
        }
        call(() -> stream().write(bytes, offset, length));
        count += length;
    }

    /** Sends what was written so far [JGI-STREAM-6]. */
    @Override
    public void flush() throws IOException {
        if (!finished) {
            call(() -> stream().flush());
        }
    }

    /** Ends the body; the writer of a {@code Body.Writer} may call it early, which is harmless. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (declaredLength >= 0 && count != declaredLength) {
            throw new IOException(
                    "[JGI-FRAME-6] the body has " + count + " bytes, its content-length says " + declaredLength);
        }
        call(() -> stream().close());
    }

    long count() {
        return count;
    }

    boolean disconnected() {
        return disconnected;
    }

    private ServletOutputStream stream() throws IOException {
        if (out == null) {
            out = response.getOutputStream();
        }
        return out;
    }

    private interface Io {
        void run() throws IOException;
    }

    private void call(Io io) throws IOException {
        if (disconnected) {
            throw new ClientDisconnectedException("[JGI-DISC-1] the client went away");
        }
        try {
            io.run();
        } catch (IOException e) {
            disconnected = true;
            throw new ClientDisconnectedException("[JGI-DISC-1] the client went away: " + e.getMessage(), e);
        }
    }
}
