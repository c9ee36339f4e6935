package dev.jgi.api;

import java.util.concurrent.CompletionStage;

/**
 * An asynchronous application: it reads {@link Event}s and sends {@link Action}s through a
 * {@link Channel}, never blocking the calling thread.
 *
 * <p><b>Server obligations</b>
 * <ul>
 *   <li>[JGI-APP-1] The server MUST call {@link #handle} at most once per request or WebSocket
 *       connection.</li>
 *   <li>[JGI-ASYNC-7] When the returned stage completes, the server ends the exchange: an
 *       unfinished response becomes a 500 if nothing was sent, an abort otherwise [JGI-ERR-6].</li>
 * </ul>
 * <p><b>Application obligations</b>
 * <ul>
 *   <li>[JGI-APP-4] {@code handle} and every callback on a stage the server completes MUST NOT
 *       block: they may run on the server's I/O threads.</li>
 *   <li>[JGI-APP-5] The application MUST NOT return {@code null}.</li>
 * </ul>
 *
 * {@snippet file="dev/jgi/api/Snippets.java" region="hello-async"}
 */
@FunctionalInterface
public interface AsyncApplication extends Lifespan {

    /**
     * Serves one HTTP exchange or WebSocket connection.
     *
     * @param request the request head; {@link Request#kind()} tells HTTP from WebSocket
     * @param channel where events come from and actions go to
     * @return a stage that completes when the application is done with this exchange; completing
     *     it exceptionally is a failure [JGI-ERR-5]
     */
    CompletionStage<Void> handle(Request request, Channel channel);

    /** Runs a sync application through the async interface, on a virtual thread per request. */
    static AsyncApplication fromSync(Application app) {
        return new SyncOnAsync(app);
    }
}
