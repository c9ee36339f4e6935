/**
 * The JGI servlet bridge: a servlet that hosts any JGI application in a Jakarta Servlet 6.1
 * container. {@code dev.jgi.servlet.internal} holds the exchange adapters and is not exported.
 */
module dev.jgi.servlet {
    requires transitive dev.jgi.api;
    requires dev.jgi.kernel;
    requires transitive jakarta.servlet;
    // Only where the container offers Jakarta WebSocket; the bridge checks before touching it.
    requires static jakarta.websocket;

    exports dev.jgi.servlet;
}
