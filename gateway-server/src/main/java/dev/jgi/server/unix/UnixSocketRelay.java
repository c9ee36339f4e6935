package dev.jgi.server.unix;

import dev.jgi.server.log.ServerLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code --bind unix:PATH} listener. XNIO, and so Undertow, speaks TCP only; this class accepts
 * on a Unix domain socket (JDK 16+, JEP 380) and relays each connection, byte for byte, to a
 * loopback TCP listener of the same server. Every relay connection registers its loopback source
 * port before it connects, so the server can (a) refuse connections to that listener that did not
 * come through a relay, and (b) show the application the Unix socket addresses instead of the
 * loopback ones [JGI-REQ-5]. Two virtual threads per connection copy the bytes; blocking writes
 * carry backpressure across.
 */
public final class UnixSocketRelay implements AutoCloseable {

    private static final int BUFFER = 16 * 1024;

    /** Open relay connections by loopback source port: ports are unique while connected. */
    private static final Map<Integer, UnixPeer> PEERS = new ConcurrentHashMap<>();

    /** The addresses of one connection through a Unix socket, as the application sees them. */
    public record UnixPeer(UnixDomainSocketAddress client, UnixDomainSocketAddress server) {}

    private final Path path;
    private final InetSocketAddress target;
    private final ServerSocketChannel listener;
    private final UnixDomainSocketAddress serverAddress;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

    private UnixSocketRelay(Path path, InetSocketAddress target, ServerSocketChannel listener) {
        this.path = path;
        this.target = target;
        this.listener = listener;
        this.serverAddress = UnixDomainSocketAddress.of(path);
        Thread.ofPlatform().daemon().name("jgi-unix-accept " + path).start(this::acceptLoop);
    }

    /**
     * Listens on {@code path} and relays to {@code target}, a loopback listener of this server. A
     * stale socket file that nobody listens on is replaced. The file gets {@code access} before the
     * first connection is accepted; until then the umask's permissions apply, which for the usual
     * umasks let no other user connect.
     *
     * @throws IOException when the path is taken by a live socket or another kind of file, or the
     *     group or permissions cannot be set
     */
    public static UnixSocketRelay open(Path path, InetSocketAddress target, SocketFileAccess access)
            throws IOException {
        removeStale(path);
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            listener.bind(UnixDomainSocketAddress.of(path), 2048);
        } catch (IOException e) {
            listener.close();
            throw new IOException("cannot listen on unix:" + path + ": " + e.getMessage(), e);
        }
        try {
            access.applyTo(path);
        } catch (IOException e) {
            listener.close();
            Files.deleteIfExists(path);
            throw new IOException("cannot listen on unix:" + path + ": " + e.getMessage(), e);
        }
        return new UnixSocketRelay(path, target, listener);
    }

    /** The Unix socket behind a loopback connection from a relay, if it is one. */
    public static Optional<UnixPeer> peerOf(SocketAddress loopbackSource) {
        if (loopbackSource instanceof InetSocketAddress inet
                && inet.getAddress().isLoopbackAddress()) {
            return Optional.ofNullable(PEERS.get(inet.getPort()));
        }
        return Optional.empty();
    }

    public Path path() {
        return path;
    }

    /** Stops accepting and removes the socket file; open connections go on. */
    public void stopAccepting() {
        try {
            listener.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            ServerLog.warn(null, "cannot remove the socket file " + path + ": " + e);
        }
    }

    /** Stops accepting and drops the open relay connections. */
    @Override
    public void close() {
        stopAccepting();
        open.forEach(UnixSocketRelay::closeQuietly);
    }

    private void acceptLoop() {
        while (listener.isOpen()) {
            try {
                SocketChannel client = listener.accept();
                open.add(client);
                Thread.ofVirtual().name("jgi-unix-relay").start(() -> relay(client));
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                ServerLog.warn(null, "accepting on unix:" + path + " failed: " + e);
            }
        }
    }

    private void relay(SocketChannel client) {
        Integer port = null;
        try (client;
                SocketChannel upstream = SocketChannel.open(StandardProtocolFamily.INET)) {
            open.add(upstream);
            upstream.bind(new InetSocketAddress(target.getAddress(), 0));
            port = ((InetSocketAddress) upstream.getLocalAddress()).getPort();
            PEERS.put(port, new UnixPeer(clientAddress(client), serverAddress));
            upstream.connect(target);
            upstream.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Thread requests = Thread.ofVirtual().name("jgi-unix-relay").start(() -> pump(client, upstream));
            pump(upstream, client);
            requests.join();
            open.remove(upstream);
        } catch (IOException e) {
            ServerLog.debug("a relay connection on unix:" + path + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
            if (port != null) {
                PEERS.remove(port);
            }
        }
    }

    /** Copies until end of stream, then half-closes; on a failure closes both so the other pump ends too. */
    private static void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static UnixDomainSocketAddress clientAddress(SocketChannel client) throws IOException {
        return client.getRemoteAddress() instanceof UnixDomainSocketAddress unix
                ? unix
                : UnixDomainSocketAddress.of("");
    }

    private static void removeStale(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isRegularFile(path) || Files.isDirectory(path)) {
            throw new IOException("cannot listen on unix:" + path + ": the path exists and is not a socket");
        }
        try {
            SocketChannel.open(UnixDomainSocketAddress.of(path)).close();
        } catch (java.net.ConnectException stale) {
            Files.delete(path);
            return;
        }
        throw new IOException("cannot listen on unix:" + path + ": another process listens there");
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is best effort: the peer may have gone already
        }
    }
}
