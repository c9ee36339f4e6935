package dev.jgi.server.runtime;

import dev.jgi.server.log.ServerLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * The listening sockets the server closes when its drain begins (not the inherited ones, which
 * stay open for the server that shares them), each emptied of the connections waiting in its
 * backlog first, since closing would reset them ({@link ListenerBacklog}).
 */
final class ClosingListeners {

    private final List<Listening> listeners = new ArrayList<>();

    /** Adds a listener to close; warns once when its backlog cannot be drained with this XNIO. */
    void add(AcceptingChannel<? extends StreamConnection> channel) {
        Optional<ListenerBacklog> backlog = ListenerBacklog.of(channel);
        if (backlog.isEmpty()) {
            ServerLog.warn(
                    null,
                    "the backlog of " + channel.getClass().getName()
                            + " cannot be drained with this XNIO version: connections waiting in it when the"
                            + " listener closes are reset");
        }
        listeners.add(new Listening(channel, backlog));
    }

    /**
     * Stops accepting, takes what waits in each backlog, closes the listeners, and returns once
     * every connection taken was handed to its I/O thread of {@code worker} and the sockets no
     * longer listen.
     */
    void close(XnioWorker worker) throws InterruptedException {
        CountDownLatch closing = new CountDownLatch(listeners.size());
        for (Listening listener : listeners) {
            listener.closingThread().execute(() -> {
                try {
                    listener.channel().suspendAccepts();
                    listener.backlog().ifPresent(ClosingListeners::drain);
                } finally {
                    IoUtils.safeClose(listener.channel());
                    closing.countDown();
                }
            });
        }
        closing.await(5, TimeUnit.SECONDS);
        // A closed listening socket stays open (and completing connections in the kernel) until the
        // selector of the thread that accepted on it dropped its key, at that selector's next
        // select: a task run there after the close makes sure it did. The drained connections wait
        // in their I/O threads' accept queues, with a task queued there to take them: a task queued
        // after it on every I/O thread makes sure each connection was taken.
        for (Listening listener : listeners) {
            passThrough(listener.closingThread());
        }
        CountDownLatch passed = new CountDownLatch(worker.getIoThreadCount());
        for (int i = 0; i < worker.getIoThreadCount(); i++) {
            worker.getIoThread(i).execute(passed::countDown);
        }
        passed.await(5, TimeUnit.SECONDS);
    }

    private static void drain(ListenerBacklog backlog) {
        try {
            backlog.drain();
        } catch (IOException e) {
            ServerLog.warn(null, "taking the connections waiting on a closing listener failed: " + e);
        }
    }

    private static void passThrough(Executor thread) throws InterruptedException {
        CountDownLatch passed = new CountDownLatch(1);
        thread.execute(passed::countDown);
        passed.await(5, TimeUnit.SECONDS);
    }

    /** A listening socket, with the means to empty its backlog before it closes, when XNIO allows it. */
    private record Listening(AcceptingChannel<? extends StreamConnection> channel, Optional<ListenerBacklog> backlog) {

        /** Where the listener is closed: the thread that accepts its connections, when known. */
        Executor closingThread() {
            return backlog.<Executor>map(ListenerBacklog::acceptThread).orElse(channel.getIoThread());
        }
    }
}
