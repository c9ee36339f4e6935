package dev.jgi.server.tls;

import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.ConnectorStatistics;
import io.undertow.server.DelegateOpenListener;
import io.undertow.server.HttpHandler;
import java.nio.ByteBuffer;
import java.util.function.BiFunction;
import org.xnio.OptionMap;
import org.xnio.StreamConnection;

/**
 * One of Undertow's open listeners behind ALPN, with {@code watch} told first of each connection
 * that ALPN gave it, with the bytes already read: so that the server watches the stream rates of
 * TLS HTTP/2 clients [JGI-LIM-5], and the request heads, chunk lines and trailers of TLS HTTP/1.1
 * clients [JGI-LIM-2], as it does on cleartext connections. The listener is given the connection
 * that {@code watch} answers (an HTTP/2 one whose close lingers after its GOAWAY).
 */
final class WatchedOpenListener implements DelegateOpenListener {

    private final DelegateOpenListener delegate;
    private final BiFunction<StreamConnection, ByteBuffer, StreamConnection> watch;

    WatchedOpenListener(
            DelegateOpenListener delegate, BiFunction<StreamConnection, ByteBuffer, StreamConnection> watch) {
        this.delegate = delegate;
        this.watch = watch;
    }

    @Override
    public void handleEvent(StreamConnection channel, PooledByteBuffer buffer) {
        delegate.handleEvent(watch.apply(channel, buffer == null ? null : buffer.getBuffer()), buffer);
    }

    @Override
    public void handleEvent(StreamConnection channel) {
        handleEvent(channel, null);
    }

    @Override
    public HttpHandler getRootHandler() {
        return delegate.getRootHandler();
    }

    @Override
    public void setRootHandler(HttpHandler rootHandler) {
        delegate.setRootHandler(rootHandler);
    }

    @Override
    public OptionMap getUndertowOptions() {
        return delegate.getUndertowOptions();
    }

    @Override
    public void setUndertowOptions(OptionMap undertowOptions) {
        delegate.setUndertowOptions(undertowOptions);
    }

    @Override
    public ByteBufferPool getBufferPool() {
        return delegate.getBufferPool();
    }

    @Override
    public ConnectorStatistics getConnectorStatistics() {
        return delegate.getConnectorStatistics();
    }

    @Override
    public void closeConnections() {
        delegate.closeConnections();
    }
}
