package dev.jgi.testing;

import dev.jgi.tck.wire.RawConnection;
import dev.jgi.tck.wire.RawResponse;
import dev.jgi.tck.wire.Transcript;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Raw HTTP/1.1 for tests, for requests no well-behaved client would send, over the TCK's client
 * ({@link RawConnection}: literal bytes out, a strict RFC 9112 parser in), so that the project has
 * one raw client and every test reads responses as strictly as the TCK does.
 */
public final class RawHttp {

    /** How long a read waits for the server before it gives up: generous, the machine is shared. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** One response read off a kept-alive connection: its status, header fields (names lower case) and body. */
    public record Framed(int status, Map<String, String> headers, byte[] body) {}

    private RawHttp() {}

    /**
     * Reads exactly one response framed by its content-length from a socket the test drives itself
     * (to close it abruptly, or to read what follows), leaving the stream at the next response;
     * fails when the connection ends first.
     */
    public static Framed readFramed(InputStream in) throws IOException {
        String statusLine = line(in);
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not a status line: " + statusLine);
        }
        Map<String, String> headers = new TreeMap<>();
        for (String field = line(in); !field.isEmpty(); field = line(in)) {
            int colon = field.indexOf(':');
            headers.put(
                    field.substring(0, colon).toLowerCase(Locale.ROOT),
                    field.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("the connection ended after " + body.length + " of " + length + " body bytes");
        }
        return new Framed(Integer.parseInt(statusLine.substring(9, 12)), headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended inside a response head: " + line);
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** A new connection to {@code port} on 127.0.0.1. */
    public static RawConnection connect(int port) {
        return connect(new InetSocketAddress("127.0.0.1", port));
    }

    public static RawConnection connect(InetSocketAddress address) {
        return RawConnection.open(address, new Transcript(), TIMEOUT);
    }

    /** A {@code GET} of {@code target} exactly as given (no client would keep dot segments or backslashes), on a connection closed after it. */
    public static RawResponse get(int port, String target) {
        return get(new InetSocketAddress("127.0.0.1", port), target);
    }

    public static RawResponse get(InetSocketAddress address, String target) {
        return exchange(address, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    /**
     * Sends {@code request} (ISO-8859-1, as is) on a new connection to {@code port} and reads the
     * final response to it, interim responses collected in it; a {@code HEAD} request's response
     * is read without a body.
     */
    public static RawResponse exchange(int port, String request) {
        return exchange(new InetSocketAddress("127.0.0.1", port), request);
    }

    public static RawResponse exchange(InetSocketAddress address, String request) {
        try (RawConnection connection = connect(address)) {
            return connection.send(request).readResponse(method(request));
        }
    }

    /** {@link #received(int, String, Duration)} with 5 s of silence taken as the end. */
    public static String received(int port, String request) {
        return received(port, request, Duration.ofSeconds(5));
    }

    /**
     * Sends {@code request} on a new connection and returns every byte the server sends, as
     * ISO-8859-1 text, until it closes the connection or stays silent for {@code quiet}: for tests
     * that look at the bytes themselves.
     */
    public static String received(int port, String request, Duration quiet) {
        try (RawConnection connection = connect(port)) {
            return new String(connection.send(request).drain(quiet), StandardCharsets.ISO_8859_1);
        }
    }

    private static String method(String request) {
        int space = request.indexOf(' ');
        return space > 0 ? request.substring(0, space) : request;
    }
}
