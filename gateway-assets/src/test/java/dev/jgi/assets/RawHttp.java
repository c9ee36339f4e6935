package dev.jgi.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Sends a request target byte for byte, as no HTTP client would (they normalise dot segments and backslashes). */
public final class RawHttp {

    /** A response: the status code and everything after the status line. */
    public record Response(int status, String rest) {}

    /** One response read off a kept-alive connection: its status, header fields (names lower case) and body. */
    public record Framed(int status, Map<String, String> headers, byte[] body) {}

    private RawHttp() {}

    /**
     * Reads exactly one response framed by its content-length, leaving the connection positioned at
     * the next one; fails when the connection ends first.
     */
    public static Framed readResponse(InputStream in) throws IOException {
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
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended inside a response head: " + line);
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    public static Response get(int port, String target) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!response.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP/1.1 response to " + target + ": " + response);
            }
            return new Response(Integer.parseInt(response.substring(9, 12)), response.substring(12));
        }
    }
}
