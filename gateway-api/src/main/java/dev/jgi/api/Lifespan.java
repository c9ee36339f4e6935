package dev.jgi.api;

import java.util.Map;

/**
 * Start-up and shutdown of an application, for both interfaces. Both methods run on a thread that
 * may block: lifespan is not on the request path, so it needs no event form.
 *
 * <p><b>Server obligations</b>
 * <ul>
 *   <li>[JGI-LIFE-1] The server MUST call {@link #start} once, before any request, and MUST NOT
 *       accept connections until it returned [JGI-LIFE-2].</li>
 *   <li>[JGI-LIFE-3] If {@code start} throws, the server MUST NOT serve the application and MUST
 *       report the exception's message.</li>
 *   <li>[JGI-LIFE-4] The map {@code start} returns is handed to every request as
 *       {@link Request#state()}.</li>
 *   <li>[JGI-LIFE-5] The server MUST call {@link #stop} once, after the last request ended or the
 *       graceful timeout passed, and only if {@code start} returned normally [JGI-LIFE-6].</li>
 * </ul>
 */
public interface Lifespan {

    /**
     * Prepares the application: opens pools, runs checks, reads configuration.
     *
     * @param server what the server offers
     * @return state shared with every request, never {@code null}; empty by default
     * @throws Exception to refuse to start; the message is shown to the operator
     */
    default Map<String, Object> start(ServerInfo server) throws Exception {
        return Map.of();
    }

    /** Releases what {@link #start} acquired. */
    default void stop() throws Exception {}
}
