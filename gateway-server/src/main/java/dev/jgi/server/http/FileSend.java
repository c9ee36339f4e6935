package dev.jgi.server.http;

import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.assets.undertow.FileRegionSend;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.function.Consumer;
import org.xnio.channels.StreamSinkChannel;

/**
 * Sends a region of a file with {@link FileRegionSend}, which lets the kernel copy it without
 * passing through user space [JGI-EXT-4] and sends it from its offset with exactly its length
 * [JGI-BODYOUT-1]. A file shorter than its region fails the transfer [JGI-BODYOUT-5]; any other
 * failure means the client went away [JGI-DISC-1].
 */
final class FileSend {

    private FileSend() {}

    /** Starts sending; {@code done} or {@code failed} runs once, on the I/O thread; the file is closed either way. */
    static void start(
            FileChannel file,
            StreamSinkChannel sink,
            long position,
            long count,
            Runnable done,
            Consumer<IOException> failed) {
        FileRegionSend.start(
                file,
                sink,
                position,
                count,
                done,
                failure -> failed.accept(
                        failure instanceof FileRegionSend.FileTooShort
                                ? new IOException(
                                        "[JGI-BODYOUT-5] the file is shorter than the region being sent", failure)
                                : new ClientDisconnectedException("[JGI-DISC-1] the client went away", failure)));
    }
}
