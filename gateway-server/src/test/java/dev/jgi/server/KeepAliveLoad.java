package dev.jgi.server;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients that send one request again and again, each on its own kept-alive connection, to a server
 * that is about to shut down: a client reconnects when an answer says {@code Connection: close},
 * and stops when a connect is refused (the listener closed; that connection was never accepted).
 * Any other end, a reset or a close with the request unanswered, or a status other than 200, is a
 * lost request.
 */
final class KeepAliveLoad {

    /** A form of 200 bytes POSTed to {@code /form}. */
    static final String FORM_POST = "POST /form HTTP/1.1\r\nHost: test\r\nContent-Type: "
            + "application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\n" + "a=".repeat(100);

    private final int port;
    private final byte[] request;
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger closedByServer = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final Set<String> bodies = ConcurrentHashMap.newKeySet();
    private final List<Thread> clients = new ArrayList<>();

    private KeepAliveLoad(int port, byte[] request) {
        this.port = port;
        this.request = request.clone();
    }

    /** Starts {@code connections} clients sending {@code request} to 127.0.0.1:{@code port}. */
    static KeepAliveLoad start(int port, int connections, String request) {
        KeepAliveLoad load = new KeepAliveLoad(port, request.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < connections; i++) {
            load.clients.add(Thread.ofVirtual().start(load::client));
        }
        return load;
    }

    /** Waits until at least {@code count} requests were answered, 60 s at most. */
    void awaitAnswered(int count) throws InterruptedException {
        eventually(Duration.ofSeconds(60), () -> {
            assertThat(failures).as(toString()).isEmpty();
            assertThat(answered.get()).as("answers: %s", this).isGreaterThanOrEqualTo(count);
        });
    }

    /** Waits for every client to stop, which it does once the server refuses connections. */
    void awaitEnd(Duration timeout) throws InterruptedException {
        for (Thread client : clients) {
            assertThat(client.join(timeout))
                    .as("a client still running: " + this)
                    .isTrue();
        }
    }

    int answered() {
        return answered.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    /** The distinct response bodies seen. */
    Set<String> bodies() {
        return Set.copyOf(bodies);
    }

    @Override
    public String toString() {
        return answered + " answered, " + closedByServer + " closed with Connection: close, " + refused
                + " connects refused, " + failures.size() + " failed "
                + failures.stream().limit(3).toList();
    }

    private void client() {
        while (true) {
            Socket socket;
            try {
                socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(30));
            } catch (ConnectException notAccepted) {
                refused.incrementAndGet();
                return;
            } catch (IOException e) {
                failures.add("connect: " + e);
                return;
            }
            try (socket) {
                if (!exchangeUntilClosed(socket)) {
                    return;
                }
            } catch (IOException e) {
                // The server closed or reset a connection with a request on it: lost.
                failures.add(e.toString());
                return;
            }
        }
    }

    /** True when the server ended the connection with {@code Connection: close}, false on a failed answer. */
    private boolean exchangeUntilClosed(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        while (true) {
            out.write(request);
            out.flush();
            RawHttp.Framed response = RawHttp.readFramed(in);
            if (response.status() != 200) {
                failures.add("status " + response.status());
                return false;
            }
            answered.incrementAndGet();
            bodies.add(new String(response.body(), StandardCharsets.UTF_8));
            if ("close".equalsIgnoreCase(response.headers().get("connection"))) {
                closedByServer.incrementAndGet();
                return true;
            }
        }
    }
}
