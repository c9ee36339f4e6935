package dev.jgi.servlet.internal;

import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.kernel.response.BodyLength;
import dev.jgi.kernel.response.ResponseBreach;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The response body of a sync exchange: the container's blocking stream, whose writes block while
 * the connection is busy [JGI-STREAM-1], counted for the completion and checked against the
 * application's content-length by the kernel's {@link BodyLength} [JGI-FRAME-6].
 */
final class BodyOutput extends OutputStream {

    private final HttpServletResponse response;
    private final BodyLength length;
    private ServletOutputStream out;
    private long count;
    private boolean finished;
    private volatile boolean disconnected;

    BodyOutput(HttpServletResponse response, BodyLength length) {
        this.response = response;
        this.length = length;
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
        fail(this.length.add(length));
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
        fail(length.end());
        call(() -> stream().close());
    }

    private static void fail(Optional<ResponseBreach> breach) throws IOException {
        if (breach.isPresent()) {
            throw new IOException(breach.get().message());
        }
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
