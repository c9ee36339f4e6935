package dev.jgi.server.websocket;

import java.time.Duration;

/**
 * How the server runs WebSocket connections.
 *
 * @param maxMessageSize the largest incoming message, in bytes, after reassembly; a larger one
 *                       closes the connection with 1009 [JGI-WS-9]. Default 1 MiB.
 * @param closeTimeout   how long the server waits for the peer's close frame after sending its
 *                       own before it drops the connection. Default 5 s.
 * @param idleTimeout    how long a connection may carry no frame either way (a ping counts) before
 *                       the server drops it; it also bounds a fragmented message left unfinished.
 *                       Zero is none. Default 300 s.
 */
public record WebSocketSettings(int maxMessageSize, Duration closeTimeout, Duration idleTimeout) {

    /** 1 MiB, as the help of {@code --ws-max-message-size} states. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 1024 * 1024;

    public WebSocketSettings {
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("ws-max-message-size must be at least 1: " + maxMessageSize);
        }
        if (closeTimeout.isNegative() || closeTimeout.isZero()) {
            throw new IllegalArgumentException("the close timeout must be positive: " + closeTimeout);
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("the idle timeout must not be negative: " + idleTimeout);
        }
    }

    /** The defaults: 1 MiB messages, 5 s close timeout, 300 s idle timeout. */
    public static WebSocketSettings defaults() {
        return new WebSocketSettings(DEFAULT_MAX_MESSAGE_SIZE, Duration.ofSeconds(5), Duration.ofSeconds(300));
    }

    /** These settings with another message size limit. */
    public WebSocketSettings withMaxMessageSize(int bytes) {
        return new WebSocketSettings(bytes, closeTimeout, idleTimeout);
    }

    /** These settings with another idle timeout. */
    public WebSocketSettings withIdleTimeout(Duration timeout) {
        return new WebSocketSettings(maxMessageSize, closeTimeout, timeout);
    }
}
