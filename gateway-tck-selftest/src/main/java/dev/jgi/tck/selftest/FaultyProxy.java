package dev.jgi.tck.selftest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A loopback TCP proxy in front of the reference server that passes bytes through unchanged,
 * except where its {@link WireFault} rewrites the first request or response head of a connection,
 * adds bytes, or keeps the client's connection open. One virtual thread per direction.
 */
final class FaultyProxy implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;
    /** How long the client's side stays half-open after the server closed, as a server's lingering close. */
    private static final java.time.Duration LINGER = java.time.Duration.ofSeconds(1);

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final WireFault fault;

    FaultyProxy(InetSocketAddress backend, WireFault fault) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.backend = backend;
        this.fault = fault;
        Thread.ofVirtual().start(this::accept);
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", listener.getLocalPort());
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                // Small buffers, so the proxy does not hide the server's backpressure [JGI-STREAM-1].
                server.setReceiveBufferSize(BUFFER);
                server.connect(backend);
                client.setSendBufferSize(BUFFER);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Thread.ofVirtual().start(() -> upstream(client, server));
                Thread.ofVirtual().start(() -> downstream(server, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void upstream(Socket client, Socket server) {
        try (InputStream in = new java.io.BufferedInputStream(client.getInputStream());
                OutputStream out = server.getOutputStream()) {
            String head = readHead(in);
            if (head != null) {
                out.write(fault.request(head).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (!fault.forwardsBytesBehind(head)) {
                    in.skipNBytes(in.available());
                }
                String early = fault.early(head);
                if (!early.isEmpty()) {
                    synchronized (client) {
                        client.getOutputStream().write(early.getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
            }
            try {
                in.transferTo(out);
                server.shutdownOutput();
            } catch (IOException serverGone) {
                // Keep reading what the client still sends, so that closing its socket later does
                // not reset the connection and destroy the server's last bytes in transit.
                closeQuietly(server);
                in.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException gone) {
            closeQuietly(server);
        }
    }

    private void downstream(Socket server, Socket client) {
        String head = "";
        String tail = "";
        try (InputStream in = new java.io.BufferedInputStream(server.getInputStream())) {
            OutputStream out = client.getOutputStream();
            head = readHead(in);
            if (head != null) {
                synchronized (client) {
                    out.write(fault.response(head).getBytes(StandardCharsets.ISO_8859_1));
                }
                byte[] buffer = new byte[16384];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (client) {
                        out.write(buffer, 0, n);
                    }
                    String piece = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                    tail = (tail + piece).substring(Math.max(0, tail.length() + piece.length() - 16));
                }
                String extra = fault.afterServerClose(head, tail);
                if (!extra.isEmpty()) {
                    out.write(extra.getBytes(StandardCharsets.ISO_8859_1));
                }
            }
        } catch (IOException gone) {
            // the client or the server went away; the close below tells the other side
        }
        if (fault.closeWithServer()) {
            try {
                client.shutdownOutput();
            } catch (IOException alreadyClosed) {
                // nothing left to tell the client
            }
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(LINGER);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                closeQuietly(client);
            });
        }
    }

    /** The bytes up to and including the first blank line, or null at end of stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        int last = 0;
        while ((b = in.read()) >= 0) {
            head.write(b);
            last = (last << 8) | b;
            if (last == 0x0D0A0D0A) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
