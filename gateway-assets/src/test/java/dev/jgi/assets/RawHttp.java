package dev.jgi.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends a request target byte for byte, as no HTTP client would (they normalise dot segments and backslashes). */
public final class RawHttp {

    /** A response: the status code and everything after the status line. */
    public record Response(int status, String rest) {}

    private RawHttp() {}

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
