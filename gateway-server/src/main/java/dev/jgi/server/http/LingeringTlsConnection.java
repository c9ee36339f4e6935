package dev.jgi.server.http;

import java.io.IOException;
import java.net.SocketAddress;
import javax.net.ssl.SSLSession;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.Option;
import org.xnio.ssl.SslConnection;

/**
 * A TLS connection that ALPN gave to HTTP/2, as Undertow's HTTP/2 channel sees it: the TLS
 * connection with the same conduits and session, whose close goes through
 * {@link LingeringClose#closeWhenDone}. The cleartext counterpart is {@link LingeringConnection};
 * Undertow asks a connection for its TLS session only when it is an {@link SslConnection}.
 */
final class LingeringTlsConnection extends SslConnection {

    private final SslConnection tls;
    private final LingeringClose linger;

    LingeringTlsConnection(SslConnection tls, LingeringClose linger) {
        super(tls.getIoThread());
        this.tls = tls;
        this.linger = linger;
        setSourceConduit(tls.getSourceChannel().getConduit());
        setSinkConduit(tls.getSinkChannel().getConduit());
        tls.setCloseListener(closed -> IoUtils.safeClose(this));
    }

    @Override
    protected void closeAction() {
        linger.closeWhenDone(tls, getSinkChannel());
    }

    @Override
    public void startHandshake() throws IOException {
        tls.startHandshake();
    }

    @Override
    public SSLSession getSslSession() {
        return tls.getSslSession();
    }

    @Override
    public ChannelListener.Setter<? extends SslConnection> getHandshakeSetter() {
        return tls.getHandshakeSetter();
    }

    @Override
    public SocketAddress getPeerAddress() {
        return tls.getPeerAddress();
    }

    @Override
    public SocketAddress getLocalAddress() {
        return tls.getLocalAddress();
    }

    @Override
    public <T> T getOption(Option<T> option) throws IOException {
        return tls.getOption(option);
    }

    @Override
    public <T> T setOption(Option<T> option, T value) throws IOException {
        return tls.setOption(option, value);
    }
}
