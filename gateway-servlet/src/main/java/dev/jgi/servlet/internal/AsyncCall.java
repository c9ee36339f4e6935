package dev.jgi.servlet.internal;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Capability;
import dev.jgi.api.Channel;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Completion;
import dev.jgi.api.Event;
import dev.jgi.api.Request;
import dev.jgi.kernel.body.LimitedBody;
import dev.jgi.kernel.body.LimitedEvents;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One exchange with an async application, over Servlet async with non-blocking I/O. The monitor
 * guards state only; container I/O happens outside it (see {@link EventSource}).
 */
public final class AsyncCall implements Channel, AsyncListener {

    /** The request attribute that carries a failure after commit into the aborting dispatch. */
    public static final String ABORT = AsyncCall.class.getName() + ".abort";

    private static final System.Logger LOG = System.getLogger("dev.jgi.servlet");

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final AsyncContext async;
    private final Completions hooks = new Completions();
    private final EventSource events;
    private final LimitedEvents limited;
    private final ActionSink actions;
    private boolean ended;
    private Throwable error;
    /** The body bytes of an error answer the bridge sent itself, -1 if none. */
    private long answeredBytes = -1;

    private AsyncCall(
            HttpServletRequest request,
            HttpServletResponse response,
            Request head,
            Set<Capability> declared,
            long bodyLimit,
            boolean namesCoding)
            throws IOException {
        this.request = request;
        this.response = response;
        this.async = request.startAsync(request, response);
        async.setTimeout(0);
        async.addListener(this);
        this.events = new EventSource(request, bodyLimit, (status, reason) -> fail(reason, status));
        this.limited = new LimitedEvents(head.bodyLength());
        this.actions = new ActionSink(response, head, declared, namesCoding, this::responseEnded, this::broken);
    }

    /**
     * Starts the exchange; the container thread returns while the application runs.
     *
     * @param declared the capabilities the bridge declared [JGI-CAP-1]
     */
    public static void serve(
            AsyncApplication app,
            Request head,
            Set<Capability> declared,
            HttpServletRequest request,
            HttpServletResponse response,
            long bodyLimit,
            boolean namesCoding)
            throws IOException {
        AsyncCall call = new AsyncCall(request, response, head, declared, bodyLimit, namesCoding);
        response.getOutputStream().setWriteListener(call.actions);
        CompletionStage<Void> done;
        try {
            done = app.handle(head, call);
            if (done == null) {
                throw new IllegalStateException("[JGI-APP-5] the application returned null");
            }
        } catch (RuntimeException | Error failure) {
            call.applicationEnded(failure);
            return;
        }
        done.whenComplete((ignored, failure) -> call.applicationEnded(failure));
    }

    @Override
    public CompletionStage<Event> receive() {
        return limited.receive(events::receive);
    }

    /** [JGI-LIM-9] */
    @Override
    public void limitBody(long maxBytes) {
        limited.lower(maxBytes);
    }

    @Override
    public CompletionStage<Void> send(Action action) {
        return actions.send(action);
    }

    @Override
    public void onComplete(Consumer<Completion> hook) {
        hooks.add(hook);
    }

    @Override
    public dev.jgi.api.Headers requestTrailers() {
        return Trailers.received(request);
    }

    /** [JGI-ASYNC-7] the exchange ends with the application's stage; an unfinished response fails. */
    private void applicationEnded(Throwable failure) {
        if (actions.finished()) {
            return;
        }
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        Throwable reason = cause != null
                ? cause
                : new IllegalStateException("[JGI-ERR-6] the application ended before its response did");
        if (!actions.gone()) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    () -> "[JGI-ERR-3] request " + request.getRequestId() + " " + request.getMethod() + " "
                            + request.getRequestURI() + " failed",
                    reason);
        }
        fail(reason, LimitedBody.causedByLimit(reason) ? LimitedBody.TOO_LARGE : 500);
    }

    /** Answers {@code status} if nothing was committed, aborts the exchange otherwise [JGI-ERR-5]. */
    private void fail(Throwable reason, int status) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            error = reason;
        }
        if (!actions.claimEnd()) {
            return;
        }
        events.close();
        if (actions.gone()) {
            async.complete();
        } else if (ReadFailures.malformed(reason)) {
            // Tomcat has suspended the response with its own 400, which its error handling sends
            // when a dispatch returns; the dispatch finds no abort marker and returns [JGI-BODY-9].
            async.dispatch();
        } else if (!response.isCommitted()) {
            long sent = Errors.send(response, status);
            if (sent >= 0) {
                // A complete error answer is no abort [JGI-DONE-3].
                synchronized (this) {
                    error = null;
                    answeredBytes = sent;
                }
            }
            async.complete();
        } else {
            request.setAttribute(ABORT, reason);
            async.dispatch();
        }
    }

    /** The application broke its response [JGI-ERR-4] [JGI-FRAME-6]: 500 before commit, an abort after it. */
    private void broken(Throwable breach) {
        fail(breach, 500);
    }

    /** The sink ended the response: the receive side is done too [JGI-DISC-3]. */
    private void responseEnded(Throwable gone) {
        synchronized (this) {
            ended = true;
            if (gone != null && error == null) {
                error = gone;
            }
        }
        events.close();
        async.complete();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        Throwable failure;
        long bytes;
        synchronized (this) {
            failure = error;
            bytes = answeredBytes >= 0 ? answeredBytes : actions.bytesSent();
        }
        hooks.run(response.getStatus(), bytes, Optional.ofNullable(failure));
    }

    @Override
    public void onError(AsyncEvent event) {
        clientGone(event.getThrowable());
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        clientGone(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {}

    private void clientGone(Throwable cause) {
        actions.clientGone(new ClientDisconnectedException("[JGI-DISC-4] the client went away", cause));
    }
}
