package dev.jgi.server.websocket;

import dev.jgi.api.Event;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.xnio.ChannelListener;

/**
 * Reads whole messages off one WebSocket connection into the {@link Inbox} [JGI-WS-5]. Undertow
 * answers pings itself [JGI-WS-6]; control frames never reach the inbox. A message over the limit
 * is dropped and the connection is closed with 1009 [JGI-WS-9]: as soon as its frames declare more
 * than the limit, before their payload is read, so that a client cannot make the server wait for
 * (or read) bytes it will never use; a message whose frames declare less but whose extension
 * output grows past the limit is closed once that many bytes came.
 */
final class MessageReader extends AbstractReceiveListener {

    private final Inbox inbox;
    private final int limit;
    private final Runnable closing;

    /**
     * @param closing called once the server sent its close frame, to bound the wait for the peer's
     */
    MessageReader(Inbox inbox, int limit, Runnable closing) {
        this.inbox = inbox;
        this.limit = limit;
        this.closing = closing;
    }

    @Override
    protected void onText(WebSocketChannel socket, StreamSourceFrameChannel frames) {
        new Message(socket, frames, true).start();
    }

    @Override
    protected void onBinary(WebSocketChannel socket, StreamSourceFrameChannel frames) {
        new Message(socket, frames, false).start();
    }

    @Override
    protected void onFullCloseMessage(WebSocketChannel socket, BufferedBinaryMessage message) {
        var data = message.getData();
        try {
            CloseFrame frame = CloseFrame.parse(data.getResource());
            if (!socket.isCloseFrameSent()) {
                WebSockets.sendClose(frame.reply(), socket, null);
            }
            inbox.close(new Event.WebSocketClose(frame.code(), frame.reason()));
        } finally {
            data.free();
        }
    }

    /** One incoming text or binary message, fragments and all. */
    private final class Message implements ChannelListener<StreamSourceFrameChannel> {
        private final WebSocketChannel socket;
        private final StreamSourceFrameChannel frames;
        private final boolean text;
        private byte[] bytes = new byte[256];
        private int size;
        private boolean tooBig;
        private boolean reading;

        Message(WebSocketChannel socket, StreamSourceFrameChannel frames, boolean text) {
            this.socket = socket;
            this.frames = frames;
            this.text = text;
        }

        /**
         * Undertow adds up the lengths the message's frame headers declare and closes the frame
         * channel once they pass the stream limit: the first frame's here, each continuation's as
         * its header arrives. A close outside our own read is that, and not the message's end.
         */
        void start() {
            frames.getCloseSetter().set(channel -> {
                if (!reading && socket.isOpen() && !socket.isCloseFrameReceived()) {
                    refuse();
                }
            });
            frames.setMaxStreamSize(limit);
            if (!tooBig) {
                drain();
            }
        }

        @Override
        public void handleEvent(StreamSourceFrameChannel channel) {
            drain();
        }

        void drain() {
            try (PooledByteBuffer pooled = socket.getBufferPool().allocate()) {
                ByteBuffer buffer = pooled.getBuffer();
                for (; ; ) {
                    buffer.clear();
                    int n = read(buffer);
                    if (n == 0) {
                        frames.getReadSetter().set(this);
                        frames.resumeReads();
                        return;
                    }
                    if (n < 0) {
                        frames.suspendReads();
                        finish();
                        return;
                    }
                    buffer.flip();
                    append(buffer);
                }
            } catch (IOException e) {
                frames.suspendReads();
                if (!tooBig) {
                    onError(socket, e);
                }
            }
        }

        private int read(ByteBuffer buffer) throws IOException {
            reading = true;
            try {
                return frames.read(buffer);
            } finally {
                reading = false;
            }
        }

        private void refuse() {
            if (tooBig) {
                return;
            }
            tooBig = true;
            bytes = null;
            WebSockets.sendClose(1009, "message larger than " + limit + " bytes", socket, null);
            closing.run();
        }

        private void append(ByteBuffer piece) {
            if (tooBig) {
                return;
            }
            if ((long) size + piece.remaining() > limit) {
                refuse();
                return;
            }
            if (size + piece.remaining() > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int)
                        Math.min(limit, Math.max(2L * bytes.length, size + piece.remaining())));
            }
            int n = piece.remaining();
            piece.get(bytes, size, n);
            size += n;
        }

        private void finish() {
            if (tooBig) {
                return;
            }
            inbox.deliver(
                    text
                            ? new Event.WebSocketText(new String(bytes, 0, size, StandardCharsets.UTF_8))
                            : new Event.WebSocketBinary(ByteBuffer.wrap(Arrays.copyOf(bytes, size))));
        }
    }
}
