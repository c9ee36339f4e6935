package dev.jgi.server.tls;

import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.ConnectorStatistics;
import io.undertow.server.DelegateOpenListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http2.Http2OpenListener;
import java.nio.ByteBuffer;
import java.util.function.BiConsumer;
import org.xnio.OptionMap;
import org.xnio.StreamConnection;

/**
 * Undertow's HTTP/2 open listener, told first of each connection that ALPN gave it, with the bytes
 * already read: so that the server watches the stream rates of TLS HTTP/2 clients [JGI-LIM-5].
 */
final class WatchedHttp2Listener implements DelegateOpenListener {

    private final Http2OpenListener h2;
    private final BiConsumer<StreamConnection, ByteBuffer> watch;

    WatchedHttp2Listener(Http2OpenListener h2, BiConsumer<StreamConnection, ByteBuffer> watch) {
        this.h2 = h2;
        this.watch = watch;
    }

    @Override
    public void handleEvent(StreamConnection channel, PooledByteBuffer buffer) {
        watch.accept(channel, buffer == null ? null : buffer.getBuffer());
        h2.handleEvent(channel, buffer);
    }

    @Override
    public void handleEvent(StreamConnection channel) {
        handleEvent(channel, null);
    }

    @Override
    public HttpHandler getRootHandler() {
        return h2.getRootHandler();
    }

    @Override
    public void setRootHandler(HttpHandler rootHandler) {
        h2.setRootHandler(rootHandler);
    }

    @Override
    public OptionMap getUndertowOptions() {
        return h2.getUndertowOptions();
    }

    @Override
    public void setUndertowOptions(OptionMap undertowOptions) {
        h2.setUndertowOptions(undertowOptions);
    }

    @Override
    public ByteBufferPool getBufferPool() {
        return h2.getBufferPool();
    }

    @Override
    public ConnectorStatistics getConnectorStatistics() {
        return h2.getConnectorStatistics();
    }

    @Override
    public void closeConnections() {
        h2.closeConnections();
    }
}
