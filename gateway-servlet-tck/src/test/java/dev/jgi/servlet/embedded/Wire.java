package dev.jgi.servlet.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A raw HTTP/1.1 client over one socket: exact request bytes out, and a response read with its
 * framing checked, so that a test can tell a complete response from an aborted one.
 */
final class Wire implements AutoCloseable {

    /** A response as received; {@code complete} is false when the connection ended inside the body. */
    record Reply(
            int status,
            Map<String, String> headers,
            String body,
            boolean chunked,
            boolean complete,
            Map<String, String> trailers,
            java.util.List<Integer> interim) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Wire(InetSocketAddress address) throws IOException {
        socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static Reply exchange(InetSocketAddress address, String request) throws IOException {
        try (Wire wire = new Wire(address)) {
            wire.send(request);
            return wire.read(request.startsWith("HEAD "));
        }
    }

    /** A GET of {@code target} that closes the connection after the response. */
    static Reply get(InetSocketAddress address, String target) throws IOException {
        return exchange(address, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next response head as text, up to its blank line: for interim responses. */
    String readHead() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed in a response head: " + head);
            }
            head.append((char) c);
        }
        return head.toString();
    }

    InputStream input() {
        return in;
    }

    /** Reads one response; 1xx interim responses are skipped. */
    Reply read(boolean head) throws IOException {
        java.util.List<Integer> interim = new java.util.ArrayList<>();
        while (true) {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = fields();
            if (status >= 100 && status < 200) {
                interim.add(status);
                continue;
            }
            boolean chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Map<String, String> trailers = Map.of();
            boolean complete = true;
            if (head || status == 204 || status == 304) {
                return new Reply(status, headers, "", chunked, true, trailers, interim);
            }
            try {
                if (chunked) {
                    int size;
                    while ((size = Integer.parseInt(line().split(";")[0].strip(), 16)) > 0) {
                        body.write(in.readNBytes(size));
                        if (!line().isEmpty()) {
                            throw new IOException("chunk not followed by CRLF");
                        }
                    }
                    trailers = fields();
                } else if (headers.containsKey("content-length")) {
                    long length = Long.parseLong(headers.get("content-length"));
                    byte[] bytes = in.readNBytes((int) length);
                    body.write(bytes);
                    complete = bytes.length == length;
                } else {
                    body.write(in.readAllBytes());
                }
            } catch (IOException | NumberFormatException e) {
                complete = false;
            }
            return new Reply(
                    status, headers, body.toString(StandardCharsets.ISO_8859_1), chunked, complete, trailers, interim);
        }
    }

    private Map<String, String> fields() throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        String line;
        while (!(line = line()).isEmpty()) {
            int colon = line.indexOf(':');
            fields.merge(
                    line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).strip(),
                    (a, b) -> a + "\n" + b);
        }
        return fields;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed mid-line: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
