package dev.jgi.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Raw HTTP/1.1 over a socket, for requests no well-behaved client would send. */
final class RawHttp {

    private RawHttp() {}

    /** Sends {@code request} as ISO-8859-1 bytes and returns everything read until the server closes or goes quiet. */
    static String exchange(int port, String request) throws IOException {
        return exchange(port, request, 5000);
    }

    static String exchange(int port, String request, int quietMillis) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(quietMillis);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readAll(socket.getInputStream());
        }
    }

    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException quiet) {
            // The server kept the connection open: what came so far is the answer.
        } catch (java.net.SocketException reset) {
            // A reset after the response is a close too.
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The status code of the first response in {@code response}, or -1 when there is none. */
    static int status(String response) {
        if (!response.startsWith("HTTP/1.")) {
            return -1;
        }
        return Integer.parseInt(response.substring(9, 12));
    }
}
