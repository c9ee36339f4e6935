/**
 * WebSocket for sync applications, once for every implementer [JGI-WS-11]: a server that runs
 * WebSocket for async applications wraps a sync one with
 * {@link dev.jgi.kernel.websocket.SyncWebSocket#of} and hands it the handshake as it would to an
 * async application. The sync application runs on a virtual thread of its own and sees the
 * channel through blocking calls ({@link dev.jgi.api.WebSocketSession}), so the server's close
 * handshake, ping answers, message limit and shutdown codes are the async ones.
 *
 * <h2>Package-wide policy</h2>
 * <ul>
 *   <li>Methods throw {@link java.lang.NullPointerException} for a {@code null} argument.</li>
 *   <li>A session's methods are safe from two threads: one receiving, one sending.</li>
 * </ul>
 */
package dev.jgi.kernel.websocket;
