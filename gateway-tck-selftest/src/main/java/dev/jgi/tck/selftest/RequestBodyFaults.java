package dev.jgi.tck.selftest;

import dev.jgi.api.BodyTooLargeException;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Event;
import dev.jgi.api.Exchange;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Faults in how the request body reaches the application: a broken body passed off as a whole one,
 * body events delivered only to a thread that blocks for them.
 */
final class RequestBodyFaults {

    private RequestBodyFaults() {}

    static List<Fault> all() {
        return List.of(
                Fault.ofApps(
                        "malformed-chunking-read-as-the-end",
                        Set.of("JGI-BODY-9"),
                        app -> Wrap.sync(
                                app, (request, exchange) -> app.handle(request, new ErrorHidingExchange(exchange))),
                        app -> app),
                // The events of a body that arrives after the application asked for them; the blocking
                // adapters still get theirs. BODY-4 too: a client expecting 100-continue sends its body
                // only once the application asked for it, so those events always come late.
                Wrap.channel(
                        "body-events-only-for-a-blocked-thread",
                        Set.of("JGI-ASYNC-6", "JGI-BODY-4"),
                        (request, channel) -> new ForwardingChannel(channel) {
                            @Override
                            public CompletionStage<Event> receive() {
                                CompletableFuture<Event> event =
                                        server.receive().toCompletableFuture();
                                return event.isDone() ? event : new CompletedOnlyByBlocking(event);
                            }
                        }));
    }

    /**
     * A stage for an event still to come that completes on its own for any event but a body piece;
     * a body piece it hands only to a thread blocked in {@code join} or {@code get}.
     */
    private static final class CompletedOnlyByBlocking extends CompletableFuture<Event> {
        private final CompletableFuture<Event> server;

        CompletedOnlyByBlocking(CompletableFuture<Event> server) {
            this.server = server;
            var unused = server.whenComplete((event, failure) -> {
                if (failure != null) {
                    completeExceptionally(failure);
                } else if (!(event instanceof Event.RequestBody)) {
                    complete(event);
                }
            });
        }

        /** Hands the event over once it arrives: the caller is blocked waiting for it. */
        private void release() {
            var unused = server.whenComplete((event, failure) -> complete(event));
        }

        @Override
        public Event join() {
            release();
            return super.join();
        }

        @Override
        public Event get() throws InterruptedException, ExecutionException {
            release();
            return super.get();
        }

        @Override
        public Event get(long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            release();
            return super.get(timeout, unit);
        }
    }

    /**
     * An exchange whose body ends where the server's read failed on the body's own bytes; a client
     * that left and a body over the limit are still reported, so only malformed framing is hidden.
     */
    private static final class ErrorHidingExchange extends DelegatingExchange {
        private final InputStream body;

        ErrorHidingExchange(Exchange server) {
            super(server);
            this.body = new FilterInputStream(server.body()) {
                @Override
                public int read() throws IOException {
                    try {
                        return super.read();
                    } catch (ClientDisconnectedException | BodyTooLargeException reported) {
                        throw reported;
                    } catch (IOException malformed) {
                        return -1;
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return super.read(b, off, len);
                    } catch (ClientDisconnectedException | BodyTooLargeException reported) {
                        throw reported;
                    } catch (IOException malformed) {
                        return -1;
                    }
                }
            };
        }

        @Override
        public InputStream body() {
            return body;
        }
    }
}
