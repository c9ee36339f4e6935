package dev.jgi.server.runtime;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.xnio.channels.AcceptingChannel;

/**
 * Takes the connections waiting in a listening socket's kernel backlog before the socket closes.
 * Closing a listening socket resets every connection the kernel had completed and the server not
 * yet accepted; a balancer that had already sent a request on one reads "connection reset by peer"
 * and, for a POST, must not retry it: in a rolling restart behind nginx that lost a POST now and
 * then. A connection taken before the close is answered (with {@code Connection: close}, as every
 * response of a draining server is).
 *
 * <p>XNIO takes connections only when its selector reports the socket acceptable and offers no way
 * to empty the backlog on demand. So, like {@link InheritedListener} and {@link AcceptBackOff}, this
 * reaches the pinned XNIO's package-private parts: {@code QueuedNioTcpServer2.handleReady()}
 * accepts what is waiting and hands each connection to its I/O thread, exactly as a selector wake-up
 * does; a private selector on the listening socket says whether anything is left. If those parts
 * change, {@link #of} is empty, the server warns at start-up, and {@code ListenerBacklogTest}
 * fails. Between the last accept and the close a few microseconds remain in which the kernel can
 * still complete a connection; {@code docs/operations.md} ("The race that remains") says
 * what covers it.
 */
final class ListenerBacklog {

    /**
     * Bounds the drain: each round accepts up to XNIO's 128 connections, so 64 rounds take more than
     * the 2,048 the backlog holds. When the connection cap stops accepts, a round accepts nothing
     * and the socket stays acceptable; the bound ends that loop.
     */
    private static final int MAX_ROUNDS = 64;

    private final Object queuedServer;
    private final Method handleReady;
    private final ServerSocketChannel socket;
    private final Executor acceptThread;

    private ListenerBacklog(
            Object queuedServer, Method handleReady, ServerSocketChannel socket, Executor acceptThread) {
        this.queuedServer = queuedServer;
        this.handleReady = handleReady;
        this.socket = socket;
        this.acceptThread = acceptThread;
    }

    /**
     * The backlog of {@code listener}: XNIO's queued TCP server, or Undertow's TLS acceptor around
     * one; empty when this XNIO version's internals do not fit.
     */
    static Optional<ListenerBacklog> of(AcceptingChannel<?> listener) {
        try {
            Object queued = queuedServer(listener, 0);
            if (queued == null) {
                return Optional.empty();
            }
            Method handleReady = queued.getClass().getDeclaredMethod("handleReady");
            handleReady.setAccessible(true);
            Object realServer = field(queued, "realServer");
            // The queued server accepts through one handle, on the worker's accept thread only.
            Object handle = ((Object[]) field(realServer, "handles"))[0];
            Field thread = handle.getClass().getSuperclass().getDeclaredField("workerThread");
            thread.setAccessible(true);
            return Optional.of(new ListenerBacklog(
                    queued, handleReady, (ServerSocketChannel) field(realServer, "channel"), (Executor)
                            thread.get(handle)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The thread {@link #drain} must run on: the one XNIO accepts this listener's connections on. */
    Executor acceptThread() {
        return acceptThread;
    }

    /**
     * Accepts every connection the kernel holds for this listener, handing each to its I/O thread's
     * accept queue. Must run on {@link #acceptThread}, where XNIO keeps the listener's accept state.
     */
    void drain() throws IOException {
        try (Selector probe = Selector.open()) {
            socket.register(probe, SelectionKey.OP_ACCEPT);
            for (int round = 0; round < MAX_ROUNDS && probe.selectNow() > 0; round++) {
                probe.selectedKeys().clear();
                handleReady.invoke(queuedServer);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("XNIO's accept is not reachable", e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** The {@code QueuedNioTcpServer2} inside {@code channel}, found through its accepting fields. */
    private static Object queuedServer(Object channel, int depth) throws IllegalAccessException {
        if (channel == null || depth > 3) {
            return null;
        }
        if (channel.getClass().getName().equals("org.xnio.nio.QueuedNioTcpServer2")) {
            return channel;
        }
        for (Field field : channel.getClass().getDeclaredFields()) {
            if (!java.lang.reflect.Modifier.isStatic(field.getModifiers())
                    && AcceptingChannel.class.isAssignableFrom(field.getType())) {
                field.setAccessible(true);
                Object inner = queuedServer(field.get(channel), depth + 1);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }
}
