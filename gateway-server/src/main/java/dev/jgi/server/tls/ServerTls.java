package dev.jgi.server.tls;

import dev.jgi.server.ServerConfig;
import io.undertow.connector.ByteBufferPool;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.AlpnOpenListener;
import io.undertow.server.protocol.http.HttpOpenListener;
import io.undertow.server.protocol.http2.Http2OpenListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.xnio.ChannelListener;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.SslClientAuthMode;
import org.xnio.StreamConnection;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;
import org.xnio.ssl.SslConnection;

/**
 * The TLS of a server, from {@code --certfile}, {@code --keyfile}, {@code --client-auth} and
 * {@code --client-ca}: TLS acceptors that follow {@link TlsPolicy}, and an ALPN open listener that
 * hands each connection to HTTP/2 ({@code h2}) or HTTP/1.1 [JGI-H2-2].
 *
 * @param context    the server's key, and the client authorities if any
 * @param clientAuth whether handshakes ask for a client certificate
 * @param keys       the certificate and key handshakes present, reloadable
 */
public record ServerTls(SSLContext context, SslClientAuthMode clientAuth, ReloadingKeyManager keys) {

    /**
     * The TLS the config asks for, or empty for cleartext.
     *
     * @throws IllegalArgumentException naming the option, for a file that cannot be used
     */
    public static Optional<ServerTls> from(ServerConfig config) {
        if (config.certFile().isEmpty()) {
            return Optional.empty();
        }
        boolean clientCertificates = config.clientAuth() != ServerConfig.ClientAuth.NONE;
        ReloadingKeyManager keys = new ReloadingKeyManager(Path.of(config.certFile()), Path.of(config.keyFile()));
        SSLContext context = TlsPolicy.serverContext(
                new javax.net.ssl.KeyManager[] {keys},
                clientCertificates ? PemKeyStore.trust(Path.of(config.clientCa())) : null);
        return Optional.of(new ServerTls(
                context,
                switch (config.clientAuth()) {
                    case NONE -> SslClientAuthMode.NOT_REQUESTED;
                    case WANT -> SslClientAuthMode.REQUESTED;
                    case NEED -> SslClientAuthMode.REQUIRED;
                },
                keys));
    }

    /**
     * The open listener for accepted TLS connections.
     *
     * @param http2        whether ALPN offers {@code h2} before {@code http/1.1}
     * @param watchHttp1   told of each connection that chose {@code http/1.1} (or offered no ALPN),
     *                     with the bytes already read; answers the connection to serve
     * @param watchHttp2   told of each connection that chose {@code h2}, with the bytes already read;
     *                     answers the connection to serve
     */
    public static ChannelListener<StreamConnection> openListener(
            ByteBufferPool buffers,
            OptionMap undertowOptions,
            HttpHandler root,
            boolean http2,
            java.util.function.BiFunction<StreamConnection, java.nio.ByteBuffer, StreamConnection> watchHttp1,
            java.util.function.BiFunction<StreamConnection, java.nio.ByteBuffer, StreamConnection> watchHttp2) {
        HttpOpenListener http1 = new HttpOpenListener(buffers, undertowOptions);
        http1.setRootHandler(root);
        AlpnOpenListener alpn =
                new AlpnOpenListener(buffers, undertowOptions, new WatchedOpenListener(http1, watchHttp1));
        if (http2) {
            Http2OpenListener h2 = new Http2OpenListener(buffers, undertowOptions, Http2OpenListener.HTTP2);
            h2.setRootHandler(root);
            alpn.addProtocol(Http2OpenListener.HTTP2, new WatchedOpenListener(h2, watchHttp2), 10);
        }
        return alpn;
    }

    /**
     * Binds a TLS acceptor.
     *
     * @param socketOptions those of a cleartext listener
     */
    public AcceptingChannel<SslConnection> bind(
            XnioWorker worker,
            InetSocketAddress address,
            ChannelListener<? super AcceptingChannel<SslConnection>> accept,
            OptionMap socketOptions)
            throws IOException {
        UndertowXnioSsl ssl =
                new UndertowXnioSsl(worker.getXnio(), OptionMap.create(Options.USE_DIRECT_BUFFERS, true), context);
        OptionMap options = OptionMap.builder()
                .addAll(socketOptions)
                .addAll(TlsPolicy.listenerOptions(context, clientAuth))
                .getMap();
        return ssl.createSslConnectionServer(worker, address, accept, options);
    }
}
