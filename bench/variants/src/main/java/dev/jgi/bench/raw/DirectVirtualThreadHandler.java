package dev.jgi.bench.raw;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The naive virtual-thread dispatch: a new virtual thread per request runs the work and writes the
 * response itself through Undertow's blocking streams. Kept as a baseline because it is what the
 * reference server avoids: it hands every write back to the IO thread instead ({@code vthread}).
 */
final class DirectVirtualThreadHandler implements HttpHandler {
    private static final ExecutorService VIRTUAL = Executors.newVirtualThreadPerTaskExecutor();

    private final HttpHandler blocking = new WorkerHandler();

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.startBlocking();
        exchange.dispatch(VIRTUAL, blocking);
    }
}
