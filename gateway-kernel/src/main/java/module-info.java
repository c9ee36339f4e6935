/**
 * The rules of JGI 1.0 that every server implements, written once: the request line's version,
 * request-target decoding,
 * completion hooks, the order of async actions and the checks of a response head. Each server (the
 * reference server, the servlet bridge, the harness) and the validator adapts its own I/O to them.
 * Depends on {@code dev.jgi.api} and the JDK alone.
 */
module dev.jgi.kernel {
    requires transitive dev.jgi.api;

    exports dev.jgi.kernel.body;
    exports dev.jgi.kernel.target;
    exports dev.jgi.kernel.websocket;
    exports dev.jgi.kernel.request;
    exports dev.jgi.kernel.hooks;
    exports dev.jgi.kernel.order;
    exports dev.jgi.kernel.response;
    exports dev.jgi.kernel.syntax;
}
