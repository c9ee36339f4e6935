package dev.jgi.server.admin;

import io.undertow.connector.ByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * The admin listener: plain HTTP/1.1 on its own address, on the server's I/O threads, with
 * {@link AdminRoutes} as its only handler. It shares nothing with the application's listeners but
 * the threads, so that an app at its in-flight cap or a full accept queue still lets the probes and
 * the status page answer.
 */
public final class AdminListener implements AutoCloseable {

    private final AcceptingChannel<StreamConnection> channel;

    private AdminListener(AcceptingChannel<StreamConnection> channel) {
        this.channel = channel;
    }

    /** Binds and starts accepting. */
    public static AdminListener open(
            XnioWorker worker, ByteBufferPool buffers, InetSocketAddress address, HttpHandler routes)
            throws IOException {
        HttpOpenListener open = new HttpOpenListener(buffers, OptionMap.EMPTY);
        open.setRootHandler(routes);
        AcceptingChannel<StreamConnection> channel;
        try {
            channel = worker.createStreamConnectionServer(
                    address,
                    ChannelListeners.openListenerAdapter(open),
                    OptionMap.builder()
                            .set(Options.REUSE_ADDRESSES, true)
                            .set(Options.TCP_NODELAY, true)
                            .getMap());
        } catch (IOException e) {
            throw new IOException(
                    "cannot listen on admin-bind " + address.getHostString() + ":" + address.getPort() + ": "
                            + e.getMessage(),
                    e);
        }
        channel.resumeAccepts();
        return new AdminListener(channel);
    }

    /** The bound address, with its actual port. */
    public InetSocketAddress address() {
        return channel.getLocalAddress(InetSocketAddress.class);
    }

    @Override
    public void close() {
        IoUtils.safeClose(channel);
    }
}
