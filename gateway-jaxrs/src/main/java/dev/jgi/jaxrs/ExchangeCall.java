package dev.jgi.jaxrs;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ChunkedOutput;
import org.glassfish.jersey.server.ContainerException;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;

/**
 * One exchange: Jersey's request in, and Jersey's response writer onto the JGI channel. The
 * exchange's stage completes when Jersey commits [JGI-ASYNC-7], and fails with Jersey's failure,
 * which the server turns into a 500 before the response started and an abort after [JGI-ERR-5].
 */
final class ExchangeCall implements ContainerResponseWriter {

    private static final Logger LOG = Logger.getLogger(ExchangeCall.class.getName());

    private final Request request;
    private final Channel channel;
    private final ScheduledExecutorService timers;
    private final boolean disconnectSignal;
    private final EventInput body;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final ReentrantLock lock = new ReentrantLock();
    private ChannelOutput output;
    private Object entity;
    private boolean suspended;
    private boolean failed;
    private ScheduledFuture<?> pendingTimeout;
    private TimeoutHandler onTimeout;

    ExchangeCall(Request request, Channel channel, ScheduledExecutorService timers, boolean disconnectSignal) {
        this.request = request;
        this.channel = channel;
        this.timers = timers;
        this.disconnectSignal = disconnectSignal;
        this.body = new EventInput(channel);
    }

    CompletableFuture<Void> done() {
        return done;
    }

    /** Runs Jersey on this (virtual) thread until it committed or suspended the response. */
    void run(ApplicationHandler handler) {
        ContainerRequest jersey;
        try {
            jersey = RequestMapping.of(request, handler.getConfiguration());
        } catch (IllegalArgumentException unusable) {
            answerBadRequest();
            return;
        }
        jersey.setEntityStream(body);
        jersey.setWriter(this);
        try {
            handler.handle(jersey);
        } catch (Throwable failure) {
            failure(failure);
            return;
        }
        if (isSuspended()) {
            watchForDisconnect();
        }
    }

    @Override
    public OutputStream writeResponseStatusAndHeaders(long contentLength, ContainerResponse response) {
        if (hasFailed()) {
            // Jersey 4 hands an unmapped exception to the container and then writes its default
            // mapper's 500 as well; the failure already ended the exchange, and the server answers it.
            return OutputStream.nullOutputStream();
        }
        boolean head = request.method().equals("HEAD");
        Headers headers;
        try {
            headers = ResponseHead.headers(response, contentLength, head);
        } catch (IllegalArgumentException refused) {
            throw new ContainerException(refused.getMessage(), refused);
        }
        ChannelOutput out = new ChannelOutput(channel);
        lock.lock();
        try {
            output = out;
            entity = response.getEntity();
        } finally {
            lock.unlock();
        }
        try {
            Stages.await(channel.send(new Action.ResponseStart(response.getStatus(), headers, false)));
        } catch (IOException | RuntimeException e) {
            throw new ContainerException("the server refused the response head: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public boolean suspend(long timeOut, TimeUnit timeUnit, TimeoutHandler handler) {
        lock.lock();
        try {
            if (suspended) {
                return false;
            }
            suspended = true;
            onTimeout = handler;
            schedule(timeOut, timeUnit);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setSuspendTimeout(long timeOut, TimeUnit timeUnit) {
        lock.lock();
        try {
            if (!suspended) {
                throw new IllegalStateException("the response is not suspended");
            }
            schedule(timeOut, timeUnit);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void commit() {
        if (hasFailed()) {
            return;
        }
        ChannelOutput out = cancelTimeout();
        if (out == null) {
            // Jersey commits without a head only when it wrote nothing at all; the server answers that [JGI-ERR-6].
            done.complete(null);
            return;
        }
        try {
            out.close();
            done.complete(null);
        } catch (IOException e) {
            done.completeExceptionally(e);
        }
    }

    @Override
    public void failure(Throwable error) {
        lock.lock();
        try {
            failed = true;
        } finally {
            lock.unlock();
        }
        cancelTimeout();
        done.completeExceptionally(error);
    }

    /** Bounded buffering lets Jersey compute a small entity's length, so it goes with Content-Length. */
    @Override
    public boolean enableResponseBuffering() {
        return true;
    }

    private boolean isSuspended() {
        lock.lock();
        try {
            return suspended && !done.isDone();
        } finally {
            lock.unlock();
        }
    }

    private void schedule(long timeOut, TimeUnit timeUnit) {
        if (pendingTimeout != null) {
            pendingTimeout.cancel(false);
            pendingTimeout = null;
        }
        if (timeOut > 0 && onTimeout != null) {
            TimeoutHandler handler = onTimeout;
            // The handler writes a response, which may block: not on the shared timer thread.
            pendingTimeout = timers.schedule(
                    () -> Thread.ofVirtual().name("jgi-jaxrs-timeout").start(() -> handler.onTimeout(this)),
                    timeOut,
                    timeUnit);
        }
    }

    private boolean hasFailed() {
        lock.lock();
        try {
            return failed;
        } finally {
            lock.unlock();
        }
    }

    private ChannelOutput cancelTimeout() {
        lock.lock();
        try {
            if (pendingTimeout != null) {
                pendingTimeout.cancel(false);
                pendingTimeout = null;
            }
            return output;
        } finally {
            lock.unlock();
        }
    }

    /**
     * While suspended, listens for the client leaving: the channel's disconnect callback where the
     * server declares {@link dev.jgi.api.Capability#DISCONNECT_SIGNAL} [JGI-DISC-6], else a thread
     * waiting for its {@link dev.jgi.api.Event.Disconnect} [JGI-DISC-3].
     */
    private void watchForDisconnect() {
        if (disconnectSignal) {
            // The callback may run on an I/O thread; closing the output runs Jersey's listeners.
            channel.onDisconnect(
                    () -> Thread.ofVirtual().name("jgi-jaxrs-disconnect").start(this::clientLeft));
            return;
        }
        Thread.ofVirtual().name("jgi-jaxrs-disconnect").start(() -> {
            try {
                body.awaitDisconnect();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "waiting for the disconnect failed", e);
                return;
            }
            clientLeft();
        });
    }

    /**
     * The client left before the response ended: the chunked output ({@code SseEventSink},
     * {@code ChunkedOutput}) is closed at once, so the application sees {@code isClosed()} without
     * writing, and the exchange ends.
     */
    private void clientLeft() {
        ChannelOutput out;
        Object chunked;
        lock.lock();
        try {
            out = output;
            chunked = entity;
        } finally {
            lock.unlock();
        }
        if (done.isDone() || (out != null && out.finished())) {
            return;
        }
        if (out != null) {
            out.clientLeft();
        }
        if (chunked instanceof ChunkedOutput<?> stream) {
            try {
                stream.close();
            } catch (IOException | RuntimeException closing) {
                LOG.log(Level.FINE, "closing the chunked output of a gone client", closing);
            }
        }
        done.completeExceptionally(new dev.jgi.api.ClientDisconnectedException("[JGI-DISC-3] the client went away"));
    }

    /** The client's host cannot form a URI: Jersey never sees such a request. */
    private void answerBadRequest() {
        byte[] text = "Bad Request\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        channel.send(new Action.ResponseStart(
                        400,
                        Headers.of(
                                "content-type",
                                "text/plain; charset=us-ascii",
                                "content-length",
                                Integer.toString(text.length)),
                        false))
                .thenCompose(started -> channel.send(new Action.ResponseBody(ByteBuffer.wrap(text), false)))
                .whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(failure);
                    }
                });
    }
}
