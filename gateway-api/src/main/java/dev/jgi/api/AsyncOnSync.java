package dev.jgi.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * An async application served through the sync interface: the calling thread waits for the
 * response start, then writes each body action to the server's stream and completes the action's
 * send stage only after the write returned, so backpressure carries through [JGI-ADAPT-2].
 */
final class AsyncOnSync implements Application {

    private final AsyncApplication app;

    public AsyncOnSync(AsyncApplication app) {
        this.app = app;
    }

    @Override
    public Map<String, Object> start(ServerInfo server) throws Exception {
        return app.start(server);
    }

    @Override
    public void stop() throws Exception {
        app.stop();
    }

    @Override
    public Response handle(Request request, Exchange exchange) throws Exception {
        ActionQueue actions = new ActionQueue();
        ExchangeChannel channel = new ExchangeChannel(exchange, actions);
        CompletionStage<Void> done = app.handle(request, channel);
        if (done == null) {
            throw new IllegalStateException("[JGI-APP-5] the application returned null");
        }
        done.whenComplete((ignored, failure) -> actions.close(failure));

        Action.ResponseStart start = null;
        while (start == null) {
            ActionQueue.Pending next = actions.take("[JGI-ERR-6] the application ended without starting a response");
            switch (next.action()) {
                case Action.EarlyHints hints -> {
                    exchange.sendEarlyHints(hints.headers());
                    next.complete();
                }
                case Action.ResponseStart begun -> {
                    start = begun;
                    next.complete();
                }
                default -> next.refuse("[JGI-ASYNC-3] " + kindOf(next.action()) + " before the response start");
            }
        }
        Response response = Response.of(start.status(), start.headers(), body(actions));
        return start.trailers() ? response.withTrailers(() -> trailers(actions)) : response;
    }

    private static Body.Writer body(ActionQueue actions) {
        return out -> {
            boolean more = true;
            while (more) {
                ActionQueue.Pending next =
                        actions.take("[JGI-ERR-6] the application ended before the response body did");
                try {
                    switch (next.action()) {
                        case Action.ResponseBody piece -> {
                            ByteBuffer data = piece.data();
                            byte[] bytes = new byte[data.remaining()];
                            data.get(bytes);
                            out.write(bytes);
                            out.flush();
                            more = piece.more();
                        }
                        case Action.ResponseFile file -> {
                            FileCopy.copy(file.path(), file.offset(), file.length(), out);
                            out.flush();
                            more = file.more();
                        }
                        default -> {
                            next.refuse("[JGI-ASYNC-4] " + kindOf(next.action()) + " inside the response body");
                            continue;
                        }
                    }
                    next.complete();
                } catch (IOException failure) {
                    next.fail(failure);
                    throw failure;
                }
            }
        };
    }

    private static Headers trailers(ActionQueue actions) {
        try {
            ActionQueue.Pending next = actions.take("[JGI-EXT-1] the application announced trailers but sent none");
            if (next.action() instanceof Action.ResponseTrailers trailers) {
                next.complete();
                return trailers.trailers();
            }
            next.refuse("[JGI-EXT-1] expected trailers, got " + kindOf(next.action()));
            throw new IllegalStateException("[JGI-EXT-1] expected trailers, got " + kindOf(next.action()));
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static String kindOf(Action action) {
        return action.getClass().getSimpleName();
    }
}
