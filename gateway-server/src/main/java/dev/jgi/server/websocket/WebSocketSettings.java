package dev.jgi.server.websocket;

import java.time.Duration;

/**
 * How the server runs WebSocket connections.
 *
 * @param maxMessageSize the largest incoming message, in bytes, after reassembly; a larger one
 *                       closes the connection with 1009 [JGI-WS-9]. Default 1 MiB.
 * @param closeTimeout   how long the server waits for the peer's close frame after sending its
 *                       own before it drops the connection. Default 5 s.
 */
public record WebSocketSettings(int maxMessageSize, Duration closeTimeout) {

    /** 1 MiB, as the help of {@code --ws-max-message-size} states. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 1024 * 1024;

    public WebSocketSettings {
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("ws-max-message-size must be at least 1: " + maxMessageSize);
        }
        if (closeTimeout.isNegative() || closeTimeout.isZero()) {
            throw new IllegalArgumentException("the close timeout must be positive: " + closeTimeout);
        }
    }

    /** The defaults: 1 MiB messages, 5 s close timeout. */
    public static WebSocketSettings defaults() {
        return new WebSocketSettings(DEFAULT_MAX_MESSAGE_SIZE, Duration.ofSeconds(5));
    }

    /** These settings with another message size limit. */
    public WebSocketSettings withMaxMessageSize(int bytes) {
        return new WebSocketSettings(bytes, closeTimeout);
    }
}
