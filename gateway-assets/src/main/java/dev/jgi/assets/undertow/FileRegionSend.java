package dev.jgi.assets.undertow;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.Consumer;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

/**
 * Sends one region of a file to an Undertow response channel: exactly {@code count} bytes from
 * {@code position}, by {@code transferTo} (sendfile on Linux) where the transport allows, without
 * blocking: when the channel is full the send waits for write readiness and resumes there.
 *
 * <p>The first bytes of the region (up to 16 KiB) go out as a plain write of a
 * buffer, and only the rest by {@code transferFrom}. Undertow 2.4's HTTP/1.1 response conduit
 * ({@code HttpResponseConduit.transferFrom}), while the response head is still pending, ignores
 * both the position and the count it is given: it reads a whole pooled buffer from the file's own
 * channel position and writes it after the head, so a region that does not start at byte 0 is
 * sent from the wrong offset, and up to a buffer's worth of bytes follow past the content-length,
 * breaking the connection for the next request. A buffer write sends the head with the region's
 * own first bytes in one gathering write, as that branch means to; once it has taken a byte the
 * head is out and {@code transferFrom} reaches the socket with the position and count given.
 * HTTP/2 and chunked bodies do not need the detour; it costs them one copy of at most 16 KiB.
 */
public final class FileRegionSend {

    /** Given to {@code failed} when the file ends before the region does (it shrank or was too short). */
    public static final class FileTooShort extends EOFException {
        private static final long serialVersionUID = 1L;

        FileTooShort(long position) {
            super("the file ends at byte " + position + ", inside the region being sent");
        }
    }

    /** The bytes of a region written from a buffer, with the head; the rest goes by {@code transferFrom}. */
    static final int FIRST_WRITE = 16 * 1024;

    private final FileChannel file;
    private final StreamSinkChannel sink;
    private final Runnable done;
    private final Consumer<IOException> failed;
    private long position;
    private long remaining;
    private ByteBuffer first;
    private boolean headSent;

    private FileRegionSend(
            FileChannel file,
            StreamSinkChannel sink,
            long position,
            long count,
            Runnable done,
            Consumer<IOException> failed) {
        this.file = file;
        this.sink = sink;
        this.position = position;
        this.remaining = count;
        this.done = done;
        this.failed = failed;
    }

    /**
     * Starts sending on the calling thread (the channel's I/O thread, or the one thread that owns the
     * exchange) and goes on, after a full channel, on the I/O thread; sets the channel's write
     * listener. Exactly one of
     * {@code done} (every byte written and flushed) or {@code failed} ({@link FileTooShort}, or the
     * transport's failure) runs, on the I/O thread; the file is closed either way.
     */
    public static void start(
            FileChannel file,
            StreamSinkChannel sink,
            long position,
            long count,
            Runnable done,
            Consumer<IOException> failed) {
        FileRegionSend send = new FileRegionSend(file, sink, position, count, done, failed);
        sink.getWriteSetter().set(channel -> {
            channel.suspendWrites();
            send.run();
        });
        send.run();
    }

    private void run() {
        try {
            if (!headSent && remaining > 0 && !writeFirst()) {
                sink.resumeWrites();
                return;
            }
            while (remaining > 0) {
                long n = sink.transferFrom(file, position, remaining);
                if (n == 0) {
                    if (position >= file.size()) {
                        throw new FileTooShort(position);
                    }
                    sink.resumeWrites();
                    return;
                }
                position += n;
                remaining -= n;
            }
            if (!sink.flush()) {
                sink.resumeWrites();
                return;
            }
        } catch (IOException e) {
            IoUtils.safeClose(file);
            failed.accept(e);
            return;
        }
        IoUtils.safeClose(file);
        done.run();
    }

    /** @return whether the first bytes are all written; false when the channel is full */
    private boolean writeFirst() throws IOException {
        if (first == null) {
            first = ByteBuffer.allocate((int) Math.min(remaining, FIRST_WRITE));
            while (first.hasRemaining()) {
                if (file.read(first, position + first.position()) < 0) {
                    throw new FileTooShort(position + first.position());
                }
            }
            first.flip();
        }
        while (first.hasRemaining()) {
            if (sink.write(first) == 0) {
                return false;
            }
        }
        position += first.limit();
        remaining -= first.limit();
        first = null;
        headSent = true;
        return true;
    }
}
