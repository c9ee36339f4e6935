package dev.jgi.server.http;

import java.io.IOException;
import java.net.SocketAddress;
import org.xnio.IoUtils;
import org.xnio.Option;
import org.xnio.StreamConnection;

/**
 * A cleartext connection as Undertow sees it when h2c is on: the accepted socket with the same
 * conduits, whose close goes through {@link LingeringClose#closeWhenDone} (XNIO's own close of the
 * socket would pass no conduit). It must be what Undertow is given at accept time, since prior
 * knowledge and {@code Upgrade: h2c} turn the HTTP/1.1 connection into the HTTP/2 one.
 */
final class LingeringConnection extends StreamConnection {

    private final StreamConnection socket;
    private final LingeringClose linger;

    LingeringConnection(StreamConnection socket, LingeringClose linger) {
        super(socket.getIoThread());
        this.socket = socket;
        this.linger = linger;
        setSourceConduit(socket.getSourceChannel().getConduit());
        setSinkConduit(socket.getSinkChannel().getConduit());
        // A socket closed below Undertow (a write timeout, a reset) closes what Undertow holds.
        socket.setCloseListener(closed -> IoUtils.safeClose(this));
    }

    @Override
    protected void closeAction() {
        linger.closeWhenDone(socket, getSinkChannel());
    }

    @Override
    public SocketAddress getPeerAddress() {
        return socket.getPeerAddress();
    }

    @Override
    public SocketAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public boolean supportsOption(Option<?> option) {
        return socket.supportsOption(option);
    }

    @Override
    public <T> T getOption(Option<T> option) throws IOException {
        return socket.getOption(option);
    }

    @Override
    public <T> T setOption(Option<T> option, T value) throws IOException {
        return socket.setOption(option, value);
    }
}
