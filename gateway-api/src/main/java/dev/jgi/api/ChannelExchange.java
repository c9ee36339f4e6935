package dev.jgi.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/** The sync view of an async channel, for a sync application on a virtual thread. */
final class ChannelExchange implements Exchange {

    private final Channel channel;
    private final boolean websocket;
    private final ServerInfo server;
    private final String version;
    private final OptionalLong announced;
    private final InputStream body = new EventInput();
    private volatile boolean disconnected;
    private volatile long limit = Long.MAX_VALUE;

    ChannelExchange(Channel channel, boolean websocket, ServerInfo server, String version, OptionalLong announced) {
        this.channel = channel;
        this.websocket = websocket;
        this.server = server;
        this.version = version;
        this.announced = announced;
    }

    @Override
    public InputStream body() {
        return body;
    }

    /**
     * The rule of the kernel's {@code LimitedBody}, restated because this module depends on the JDK
     * alone [JGI-LIM-7].
     */
    @Override
    public synchronized void limitBody(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("[JGI-LIM-7] a body limit must not be negative: " + maxBytes);
        }
        limit = Math.min(limit, maxBytes);
    }

    @Override
    public void onComplete(Consumer<Completion> hook) {
        channel.onComplete(hook);
    }

    @Override
    public void onDisconnect(Runnable callback) {
        channel.onDisconnect(callback);
    }

    @Override
    public void onDrain(Runnable callback) {
        channel.onDrain(callback);
    }

    @Override
    public boolean isDisconnected() {
        return disconnected;
    }

    /**
     * An HTTP/1.0 client gets no 103, and the channel completes such an action without sending it,
     * so the version decides here [JGI-EXT-11]; a late hint fails its stage [JGI-EXT-5], which
     * means not sent.
     */
    @Override
    public boolean sendEarlyHints(Headers headers) {
        if (websocket || server == null || !server.supports(Capability.EARLY_HINTS) || version.equals("HTTP/1.0")) {
            return false;
        }
        try {
            await(channel.send(new Action.EarlyHints(headers)));
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    @Override
    public Headers requestTrailers() {
        return channel.requestTrailers();
    }

    /** Waits for a stage on the current (virtual) thread, unwrapping its failure. */
    static <T> T await(CompletionStage<T> stage) throws IOException {
        try {
            return stage.toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the server");
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }

    /** Reads {@link Event.RequestBody} events on demand: one receive per exhausted piece. */
    private final class EventInput extends InputStream {
        private ByteBuffer current = ByteBuffer.allocate(0);
        private boolean ended;
        private long delivered;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            long max = limit;
            if (announced.isPresent() && announced.getAsLong() > max) {
                throw tooLarge(max);
            }
            while (!current.hasRemaining()) {
                if (ended || websocket) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, current.remaining());
            current.get(b, off, n);
            delivered += n;
            if (delivered > max) {
                throw tooLarge(max);
            }
            return n;
        }

        @Override
        public int available() {
            return current.remaining();
        }

        private static BodyTooLargeException tooLarge(long max) {
            return new BodyTooLargeException(
                    "[JGI-LIM-7] the request body is larger than this exchange's limit of " + max + " bytes", max);
        }

        private void next() throws IOException {
            Event event = await(channel.receive());
            switch (event) {
                case Event.RequestBody piece -> {
                    current = piece.data();
                    ended = piece.last();
                }
                case Event.Disconnect disconnect -> {
                    disconnected = true;
                    throw new ClientDisconnectedException("[JGI-BODY-8] the client went away before the body ended");
                }
                default -> throw new IllegalStateException("unexpected event for an HTTP body: " + event);
            }
        }
    }
}
