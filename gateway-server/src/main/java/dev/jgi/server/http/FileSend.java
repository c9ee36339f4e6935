package dev.jgi.server.http;

import dev.jgi.api.ClientDisconnectedException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.function.Consumer;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

/**
 * Sends a region of a file by {@code transferFrom}, which lets the kernel copy it without passing
 * through user space [JGI-EXT-4]. Runs on the I/O thread; waits for writability with a listener
 * instead of blocking. A file shorter than its region fails the transfer [JGI-BODYOUT-5].
 */
final class FileSend {

    private final FileChannel file;
    private final StreamSinkChannel sink;
    private final Runnable done;
    private final Consumer<IOException> failed;
    private long position;
    private long remaining;

    private FileSend(
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

    /** Starts sending; {@code done} or {@code failed} runs once, on the I/O thread; the file is closed either way. */
    static void start(
            FileChannel file,
            StreamSinkChannel sink,
            long position,
            long count,
            Runnable done,
            Consumer<IOException> failed) {
        FileSend send = new FileSend(file, sink, position, count, done, failed);
        sink.getWriteSetter().set(channel -> {
            channel.suspendWrites();
            send.run();
        });
        send.run();
    }

    private void run() {
        try {
            while (remaining > 0) {
                long n = sink.transferFrom(file, position, remaining);
                if (n == 0) {
                    if (position >= file.size()) {
                        throw new IOException("[JGI-BODYOUT-5] the file is shorter than the region being sent");
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
            failed.accept(
                    e.getMessage() != null && e.getMessage().startsWith("[JGI-")
                            ? e
                            : new ClientDisconnectedException("[JGI-DISC-1] the client went away", e));
            return;
        }
        IoUtils.safeClose(file);
        done.run();
    }
}
