package dev.jgi.api;

/**
 * A synchronous application: one request in, one response out, on a thread that may block.
 *
 * <p><b>Server obligations</b>
 * <ul>
 *   <li>[JGI-APP-1] The server MUST call {@link #handle} at most once per request, and MAY call it
 *       for many requests at once: the application MUST be safe for concurrent use.</li>
 *   <li>[JGI-APP-2] The server MUST run {@code handle} where blocking delays no other request
 *       (a virtual thread per request by default).</li>
 *   <li>[JGI-WS-11] The server MUST NOT hand a sync application a WebSocket handshake as such; an
 *       upgrade request reaches it as a plain HTTP request.</li>
 * </ul>
 * <p><b>Application obligations</b>
 * <ul>
 *   <li>[JGI-APP-3] The application MUST NOT return {@code null}.</li>
 *   <li>[JGI-APP-8] The application MUST NOT use the {@link Exchange} after its response body
 *       was written.</li>
 * </ul>
 *
 * {@snippet file="dev/jgi/api/Snippets.java" region="hello"}
 */
@FunctionalInterface
public interface Application extends Lifespan {

    /**
     * Answers one request.
     *
     * @param request  the request head
     * @param exchange the body, hooks and signals of this request
     * @return the response, whose body may stream
     * @throws Exception any failure: before the response is committed the server answers 500
     *     [JGI-ERR-1], after it the server aborts the exchange [JGI-ERR-2]
     */
    Response handle(Request request, Exchange exchange) throws Exception;

    /** Runs an async application through the sync interface, for servers that offer only that. */
    static Application fromAsync(AsyncApplication app) {
        return new AsyncOnSync(app);
    }
}
