package dev.jgi.kernel.websocket;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import dev.jgi.api.Completion;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.api.WebSocketHandshake;
import dev.jgi.api.WebSocketSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The exchange of a sync application called for a WebSocket handshake: no body (a handshake is a
 * GET without one), the channel's hooks, and the handshake itself [JGI-WS-11].
 */
final class HandshakeExchange implements Exchange, WebSocketHandshake {

    private final Channel channel;
    private final Thread handler = Thread.currentThread();
    private volatile ChannelSession session;
    private volatile boolean returned;

    HandshakeExchange(Channel channel) {
        this.channel = channel;
    }

    @Override
    public Optional<WebSocketHandshake> webSocket() {
        return Optional.of(this);
    }

    @Override
    public WebSocketSession accept(Optional<String> subprotocol, Headers headers) throws IOException {
        if (Thread.currentThread() != handler || returned) {
            throw new IllegalStateException(
                    "[JGI-WS-13] accept a WebSocket handshake on the thread running handle, before it returns");
        }
        if (session != null) {
            throw new IllegalStateException("[JGI-WS-13] the WebSocket handshake was already accepted");
        }
        Stages.await(channel.send(new Action.WebSocketAccept(subprotocol, headers)));
        session = new ChannelSession(channel);
        return session;
    }

    boolean accepted() {
        return session != null;
    }

    void handleReturned() {
        returned = true;
    }

    @Override
    public InputStream body() {
        return InputStream.nullInputStream();
    }

    @Override
    public void limitBody(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("[JGI-LIM-7] a body limit must not be negative: " + maxBytes);
        }
    }

    @Override
    public void onComplete(Consumer<Completion> hook) {
        channel.onComplete(hook);
    }

    @Override
    public boolean isDisconnected() {
        ChannelSession open = session;
        return open != null && open.closeReceived();
    }

    @Override
    public boolean sendEarlyHints(Headers headers) {
        return false;
    }
}
