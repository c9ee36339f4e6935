package dev.jgi.server.hostile;

import dev.jgi.testing.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.SocketFactory;

/**
 * Another client of the server under attack: one keep-alive connection sending {@code GET /} one
 * after the other, every response timed. What the hostile-client tests hold the attack against.
 */
final class Bystander implements AutoCloseable {

    private final int port;
    private final SocketFactory sockets;
    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Exception failure;

    private Bystander(int port, SocketFactory sockets) {
        this.port = port;
        this.sockets = sockets;
        this.thread = Thread.ofPlatform().daemon().name("bystander").start(this::run);
    }

    /** Starts the bystander on {@code port}, connecting through {@code sockets} (TLS for a TLS server). */
    static Bystander start(int port, SocketFactory sockets) {
        return new Bystander(port, sockets);
    }

    private void run() {
        byte[] request = "GET / HTTP/1.1\r\nhost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (running) {
            try (Socket socket = sockets.createSocket("127.0.0.1", port)) {
                socket.setSoTimeout((int) RawHttp.TIMEOUT.toMillis());
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                while (running) {
                    long start = System.nanoTime();
                    out.write(request);
                    out.flush();
                    int status = RawHttp.readFramed(in).status();
                    nanos.add(System.nanoTime() - start);
                    if (status != 200) {
                        throw new IOException("the bystander got " + status);
                    }
                    Thread.sleep(2);
                }
            } catch (IOException e) {
                failure = e;
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Forgets the responses timed so far: what follows is measured on its own. */
    void reset() {
        nanos.clear();
    }

    /** The 99th percentile of the response times since the last {@link #reset}, in milliseconds. */
    double p99Millis() {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        if (sorted.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
    }

    /** Responses timed since the last {@link #reset}. */
    int count() {
        return nanos.size();
    }

    /** Why the bystander stopped, when it did: its own failure is the attack's success. */
    Exception failure() {
        return failure;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(RawHttp.TIMEOUT.toMillis());
    }
}
