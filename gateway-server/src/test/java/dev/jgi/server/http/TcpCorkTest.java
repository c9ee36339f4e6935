package dev.jgi.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.jgi.api.Body;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import dev.jgi.assets.undertow.Cork;
import dev.jgi.server.GatewayServer;
import dev.jgi.server.ServerConfig;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cork is set on the connection's real socket while a large file goes out and cleared when the
 * exchange completes, as the kernel reports it; a server that corked without uncorking would hold
 * the last segment of every response for 200 ms. The tests run with the export bin/jgi passes
 * (surefire's argLine).
 */
@EnabledOnOs(OS.LINUX)
class TcpCorkTest {

    @Test
    void theKernelSeesTheCorkDuringTheExchangeAndNotAfterIt() throws Exception {
        TcpCork cork = (TcpCork) TcpCork.forThisJvm();
        Undertow server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(exchange -> {
                    SocketChannel channel = cork.socketOf(exchange.getConnection());
                    boolean before = corked(cork, channel);
                    cork.untilComplete(exchange);
                    String states = "before=" + before + " during=" + corked(cork, channel);
                    exchange.getResponseSender().send(states);
                })
                .build();
        server.start();
        try (Socket socket = new Socket("127.0.0.1", port(server))) {
            socket.setSoTimeout(10_000);
            for (int i = 0; i < 3; i++) {
                assertThat(get(socket, "/", "x"))
                        .as("request %d on one connection", i)
                        .isEqualTo("before=false during=true");
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void anExchangeWithoutAPlainTcpConnectionIsLeftAsItIs() {
        TcpCork cork = (TcpCork) TcpCork.forThisJvm();
        HttpServerExchange detached = new HttpServerExchange(null);

        assertThat(cork.socketOf(detached.getConnection())).isNull();
        cork.untilComplete(detached);
        assertThat(TcpCork.forThisJvm()).isNotSameAs(Cork.NONE);
    }

    @Test
    void staticAndAppFilesAndTheAnswersAfterThemArriveWholeAndWithoutTheCorksDelay(@TempDir Path dir) throws Exception {
        byte[] file = new byte[4 * 1024 * 1024 + 7];
        new Random(17).nextBytes(file);
        Files.write(dir.resolve("big.bin"), file);
        Path big = dir.resolve("big.bin");
        GatewayServer server = GatewayServer.builder(
                        (request, exchange) -> request.path().equals("/file")
                                ? Response.of(200, Headers.of(), Body.file(big))
                                : Response.text(200, "app"))
                .bind("127.0.0.1", 0)
                .accessLog(ServerConfig.AccessLogFormat.OFF)
                .gracefulTimeout(Duration.ofSeconds(2))
                .staticMount("/static", dir.toString())
                .build();
        server.start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            get(socket, "/static/big.bin", "x");
            long start = System.nanoTime();
            int rounds = 10;
            for (int i = 0; i < rounds; i++) {
                assertThat(getBytes(socket, "/static/big.bin"))
                        .as("the static file")
                        .isEqualTo(file);
                assertThat(get(socket, "/page", "x")).isEqualTo("app");
                assertThat(getBytes(socket, "/file"))
                        .as("the app's file response")
                        .isEqualTo(file);
            }
            // Left corked, each of the 30 answers would wait 200 ms for its last segment (6 s in all);
            // uncorked they take milliseconds each, even on a loaded machine.
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                    .as("%d large files and %d small answers on one connection", 2 * rounds, rounds)
                    .isLessThan(2_000);
        } finally {
            server.close();
        }
    }

    private static boolean corked(TcpCork cork, SocketChannel channel) {
        try (Memory value = new Memory(Integer.BYTES)) {
            int[] length = {Integer.BYTES};
            assertThat(GetSocketOption.getsockopt(cork.descriptor(channel), 6, 3, value, length))
                    .isZero();
            return value.getInt(0) != 0;
        }
    }

    private static int port(Undertow server) {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    private static String get(Socket socket, String path, String host) throws IOException {
        return new String(getBytes(socket, path, host), StandardCharsets.UTF_8);
    }

    private static byte[] getBytes(Socket socket, String path) throws IOException {
        return getBytes(socket, path, "x");
    }

    /** One request on the connection, and its content-length framed body. */
    private static byte[] getBytes(Socket socket, String path, String host) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nhost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("the head of %s", path).isNotNegative();
            head.write(b);
        }
        long length = head.toString(StandardCharsets.ISO_8859_1)
                .lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .mapToLong(line ->
                        Long.parseLong(line.substring(line.indexOf(':') + 1).trim()))
                .findFirst()
                .orElseThrow();
        return in.readNBytes((int) length);
    }

    /** libc's getsockopt, to read back what the server set. */
    private static final class GetSocketOption {
        static {
            Native.register(GetSocketOption.class, "c");
        }

        static native int getsockopt(int fd, int level, int option, Pointer value, int[] length);
    }
}
