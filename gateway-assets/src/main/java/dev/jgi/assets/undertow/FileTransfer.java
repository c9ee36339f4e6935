package dev.jgi.assets.undertow;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

/**
 * Sends a slice of a file with {@code FileChannel.transferTo} (sendfile on Linux) without blocking:
 * when the socket is full the transfer waits for the channel's write readiness and resumes there.
 */
final class FileTransfer implements ChannelListener<StreamSinkChannel> {

    private final HttpServerExchange exchange;
    private final FileChannel file;
    private long position;
    private long remaining;

    private FileTransfer(HttpServerExchange exchange, FileChannel file, long position, long remaining) {
        this.exchange = exchange;
        this.file = file;
        this.position = position;
        this.remaining = remaining;
    }

    static void start(HttpServerExchange exchange, Path path, long first, long length) {
        FileChannel file;
        try {
            file = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            // Nothing is committed yet: the file vanished or became unreadable since it was indexed.
            exchange.setStatusCode(
                    e instanceof NoSuchFileException ? StatusCodes.NOT_FOUND : StatusCodes.INTERNAL_SERVER_ERROR);
            exchange.getResponseHeaders().clear();
            exchange.setResponseContentLength(0);
            exchange.endExchange();
            return;
        }
        // Also closes the file when the client goes away mid-transfer and no write event comes again.
        exchange.addExchangeCompleteListener((done, next) -> {
            IoUtils.safeClose(file);
            next.proceed();
        });
        new FileTransfer(exchange, file, first, length).handleEvent(exchange.getResponseChannel());
    }

    @Override
    public void handleEvent(StreamSinkChannel sink) {
        try {
            while (remaining > 0) {
                // Undertow's response conduit reads from the channel's own position while the headers are
                // still buffered, and from the given one afterwards: keep the two equal.
                file.position(position);
                long sent = sink.transferFrom(file, position, remaining);
                if (sent == 0) {
                    if (position >= file.size()) {
                        throw new IOException("file shrank while it was being sent");
                    }
                    sink.getWriteSetter().set(this);
                    sink.resumeWrites();
                    return;
                }
                position += sent;
                remaining -= sent;
            }
            IoUtils.safeClose(file);
            sink.suspendWrites();
            sink.shutdownWrites();
            if (!sink.flush()) {
                sink.getWriteSetter()
                        .set(ChannelListeners.flushingChannelListener(done -> exchange.endExchange(), this::failed));
                sink.resumeWrites();
                return;
            }
            exchange.endExchange();
        } catch (IOException e) {
            failed(sink, e);
        }
    }

    private void failed(StreamSinkChannel sink, IOException e) {
        // The status line is sent: all that is left is to drop the connection so the client sees a short body.
        IoUtils.safeClose(file);
        IoUtils.safeClose(sink);
        IoUtils.safeClose(exchange.getConnection());
        exchange.endExchange();
    }
}
