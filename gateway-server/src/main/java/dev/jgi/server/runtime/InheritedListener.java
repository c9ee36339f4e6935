package dev.jgi.server.runtime;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.channels.ServerSocketChannel;
import org.xnio.ChannelListener;
import org.xnio.OptionMap;
import org.xnio.StreamConnection;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * An XNIO accepting channel around a listening socket XNIO did not bind: one inherited by socket
 * activation. XNIO 3.8 has no public way to adopt a channel (its worker always opens and binds its
 * own), so this builds what {@code NioXnioWorker.createTcpConnectionServer} builds after its bind,
 * {@code new QueuedNioTcpServer2(new NioTcpServer(worker, channel, options, true))}, through their
 * package-private constructors. The XNIO version is pinned by the build, and the socket-activation
 * tests fail if those constructors change.
 */
final class InheritedListener {

    private InheritedListener() {}

    @SuppressWarnings("unchecked")
    static AcceptingChannel<StreamConnection> adopt(
            XnioWorker worker,
            ServerSocketChannel channel,
            ChannelListener<? super AcceptingChannel<StreamConnection>> acceptor,
            OptionMap options)
            throws IOException {
        channel.configureBlocking(false);
        ClassLoader xnio = worker.getClass().getClassLoader();
        try {
            Class<?> server = Class.forName("org.xnio.nio.NioTcpServer", true, xnio);
            Class<?> queued = Class.forName("org.xnio.nio.QueuedNioTcpServer2", true, xnio);
            Constructor<?> plain = server.getDeclaredConstructor(
                    worker.getClass(), ServerSocketChannel.class, OptionMap.class, boolean.class);
            Constructor<?> wrapper = queued.getDeclaredConstructor(server);
            plain.setAccessible(true);
            wrapper.setAccessible(true);
            AcceptingChannel<StreamConnection> adopted = (AcceptingChannel<StreamConnection>)
                    wrapper.newInstance(plain.newInstance(worker, channel, options, true));
            ((org.xnio.channels.AcceptListenerSettable<AcceptingChannel<StreamConnection>>) adopted)
                    .setAcceptListener(acceptor);
            return adopted;
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "this XNIO version cannot adopt an inherited socket (" + e + "); use a HOST:PORT bind", e);
        }
    }
}
