package dev.jgi.kernel.websocket;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Event;
import dev.jgi.api.WebSocketSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An accepted connection through blocking calls on the async channel. Receives are serialised by
 * one lock and sends by another, as the channel allows one pending receive and one pending send
 * [JGI-STREAM-3] [JGI-STREAM-4]; the server's replies to the peer's close and pings stay the
 * channel's [JGI-WS-16].
 */
final class ChannelSession implements WebSocketSession {

    private final Channel channel;
    private final ReentrantLock receiving = new ReentrantLock();
    private final ReentrantLock sending = new ReentrantLock();
    private volatile Event.WebSocketClose closed;
    private volatile boolean closeSent;

    ChannelSession(Channel channel) {
        this.channel = channel;
    }

    @Override
    public Event receive() throws IOException {
        receiving.lock();
        try {
            if (closed != null) {
                return closed;
            }
            Event event = Stages.await(channel.receive());
            if (event instanceof Event.WebSocketClose close) {
                closed = close;
            }
            return event;
        } finally {
            receiving.unlock();
        }
    }

    @Override
    public void sendText(String text) throws IOException {
        send(new Action.WebSocketSendText(text));
    }

    @Override
    public void sendBinary(ByteBuffer data) throws IOException {
        send(new Action.WebSocketSendBinary(data));
    }

    @Override
    public void close(int code, String reason) throws IOException {
        sending.lock();
        try {
            if (closeSent || closed != null) {
                return;
            }
            Stages.await(channel.send(new Action.WebSocketClose(code, reason)));
            closeSent = true;
        } catch (ClientDisconnectedException peerClosedFirst) {
            // The peer's close crossed ours: the connection is closed, which is what was asked.
            closeSent = true;
        } finally {
            sending.unlock();
        }
    }

    boolean closeReceived() {
        return closed != null;
    }

    private void send(Action message) throws IOException {
        sending.lock();
        try {
            Stages.await(channel.send(message));
        } finally {
            sending.unlock();
        }
    }
}
