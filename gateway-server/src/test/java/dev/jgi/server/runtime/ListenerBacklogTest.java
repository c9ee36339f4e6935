package dev.jgi.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.server.ServerConfig;
import dev.jgi.server.tls.ServerTls;
import dev.jgi.server.tls.TestCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * Connections the kernel completed while a listener did not accept (its accepts suspended, as in
 * a busy or closing server) are answered when the listener is drained before it closes, and reset
 * when it is not. Real XNIO listeners on loopback, plain and TLS, and real client sockets.
 */
class ListenerBacklogTest {

    private static final int WAITING = 40;

    private final XnioWorker worker;
    private final List<Socket> clients = new ArrayList<>();

    ListenerBacklogTest() throws IOException {
        worker = Xnio.getInstance(io.undertow.Undertow.class.getClassLoader())
                .createWorker(OptionMap.create(Options.WORKER_IO_THREADS, 2));
    }

    @AfterEach
    void stop() {
        clients.forEach(IoUtils::safeClose);
        worker.shutdownNow();
    }

    @Test
    void aDrainedListenerAnswersEveryConnectionWaitingInItsBacklog() throws Exception {
        AcceptingChannel<StreamConnection> listener = plainListener();
        connectWhileNotAccepting(listener);

        closeOnIoThread(listener, true);

        for (Socket client : clients) {
            assertThat(answer(client)).isEqualTo("ok");
        }
    }

    /** What the drain prevents, so that the test above is known to detect it. */
    @Test
    void closingWithoutTheDrainResetsThem() throws Exception {
        AcceptingChannel<StreamConnection> listener = plainListener();
        connectWhileNotAccepting(listener);

        closeOnIoThread(listener, false);

        for (Socket client : clients) {
            assertThat(answer(client)).startsWith("reset");
        }
    }

    @Test
    void theTlsAcceptorsBacklogIsDrainedToo(@TempDir Path dir) throws Exception {
        TestCertificates.Pem pem = TestCertificates.ec(dir, TestCertificates.KeyFormat.PKCS8);
        ServerTls tls = ServerTls.from(ServerConfig.fromText(Map.of(
                        "certfile",
                        pem.certFile().toString(),
                        "keyfile",
                        pem.keyFile().toString())))
                .orElseThrow();
        AtomicInteger accepted = new AtomicInteger();
        ChannelListener<AcceptingChannel<org.xnio.ssl.SslConnection>> acceptor = channel -> {
            try {
                for (var connection = channel.accept(); connection != null; connection = channel.accept()) {
                    accepted.incrementAndGet();
                    IoUtils.safeClose(connection);
                }
            } catch (IOException closed) {
                // The listener closed after this thread's queue was emptied.
            }
        };
        AcceptingChannel<org.xnio.ssl.SslConnection> listener =
                tls.bind(worker, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), acceptor, backlog());
        connectWhileNotAccepting(listener);

        closeOnIoThread(listener, true);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (accepted.get() < WAITING && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(accepted).hasValue(WAITING);
    }

    /** A listener whose accepted connections get "ok" and a clean close. */
    private AcceptingChannel<StreamConnection> plainListener() throws IOException {
        ChannelListener<AcceptingChannel<StreamConnection>> acceptor = channel -> {
            try {
                for (var connection = channel.accept(); connection != null; connection = channel.accept()) {
                    connection.getSinkChannel().write(ByteBuffer.wrap("ok".getBytes(StandardCharsets.US_ASCII)));
                    IoUtils.safeClose(connection);
                }
            } catch (IOException closed) {
                // The listener closed after this thread's queue was emptied.
            }
        };
        return worker.createStreamConnectionServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), acceptor, backlog());
    }

    private static OptionMap backlog() {
        return OptionMap.create(Options.BACKLOG, 128);
    }

    /** Opens {@link #WAITING} connections; the kernel completes them, nobody accepts them yet. */
    private void connectWhileNotAccepting(AcceptingChannel<?> listener) throws IOException {
        listener.suspendAccepts();
        InetSocketAddress address = listener.getLocalAddress(InetSocketAddress.class);
        for (int i = 0; i < WAITING; i++) {
            Socket client = new Socket();
            clients.add(client);
            client.connect(address, 5_000);
            client.setSoTimeout(10_000);
        }
    }

    private void closeOnIoThread(AcceptingChannel<?> listener, boolean drain) throws Exception {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        ListenerBacklog backlog = ListenerBacklog.of(listener).orElseThrow();
        backlog.acceptThread().execute(() -> {
            try {
                if (drain) {
                    backlog.drain();
                }
                listener.close();
                closed.complete(null);
            } catch (IOException | RuntimeException e) {
                closed.completeExceptionally(e);
            }
        });
        closed.get(10, TimeUnit.SECONDS);
    }

    /** What the server sent before the end of the stream, or "reset: ..." when it reset the connection. */
    private static String answer(Socket client) {
        try (InputStream in = client.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "reset: " + e.getMessage();
        }
    }
}
