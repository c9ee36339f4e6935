package dev.jgi.server.http;

import dev.jgi.api.ClientDisconnectedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.xnio.channels.StreamSinkChannel;

/**
 * Writes one buffer to the response channel on the I/O thread, waiting for writability with a
 * listener instead of blocking; {@code done} runs once the transport accepted every byte
 * [JGI-STREAM-2].
 */
final class BufferSend {

    private final ByteBuffer data;
    private final StreamSinkChannel sink;
    private final Runnable done;
    private final Consumer<IOException> failed;
    private final boolean flush;

    private BufferSend(
            ByteBuffer data, StreamSinkChannel sink, Runnable done, Consumer<IOException> failed, boolean flush) {
        this.data = data;
        this.sink = sink;
        this.done = done;
        this.failed = failed;
        this.flush = flush;
    }

    /** Writes a piece of a streamed body and flushes it. */
    static void start(ByteBuffer data, StreamSinkChannel sink, Runnable done, Consumer<IOException> failed) {
        start(data, sink, done, failed, true);
    }

    /**
     * @param flush false for a whole body that {@code done} ends at once: ending the exchange
     *     flushes, so a flush here would only cost a system call
     */
    static void start(
            ByteBuffer data, StreamSinkChannel sink, Runnable done, Consumer<IOException> failed, boolean flush) {
        BufferSend send = new BufferSend(data, sink, done, failed, flush);
        if (send.writeAll()) {
            done.run();
            return;
        }
        sink.getWriteSetter().set(channel -> {
            channel.suspendWrites();
            if (send.writeAll()) {
                send.done.run();
            }
        });
        sink.resumeWrites();
    }

    /**
     * Writes, then flushes, so a streamed piece reaches the client now and not when Undertow's
     * buffer fills [JGI-STREAM-6].
     *
     * @return true when every byte was written and flushed; false when the channel is full (and
     *     resumed) or failed
     */
    private boolean writeAll() {
        try {
            while (data.hasRemaining()) {
                if (sink.write(data) == 0) {
                    sink.resumeWrites();
                    return false;
                }
            }
            if (flush && !sink.flush()) {
                sink.resumeWrites();
                return false;
            }
            return true;
        } catch (IOException e) {
            failed.accept(new ClientDisconnectedException("[JGI-DISC-1] the client went away", e));
            return false;
        }
    }
}
