package dev.jgi.server.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.server.GatewayServer;
import dev.jgi.server.ServerConfig;
import dev.jgi.server.tls.RequestEcho;
import dev.jgi.testing.ChildProcess;
import dev.jgi.testing.Command;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --bind unix:PATH}: real clients on a real socket file. */
@Timeout(60)
class UnixSocketTest {

    @TempDir
    Path dir;

    @Test
    void curlReachesTheApplicationThroughTheSocketAndItSeesUnixAddresses() throws Exception {
        Path socket = dir.resolve("app.sock");
        try (GatewayServer server = start(socket)) {
            ChildProcess.Result curl = curl(socket, "http://app.local/hello", List.of());
            assertThat(curl.exit()).as(curl.output()).isZero();
            assertThat(RequestEcho.field(curl.output(), "client-type")).isEqualTo("UnixDomainSocketAddress");
            assertThat(RequestEcho.field(curl.output(), "server")).isEqualTo(socket.toString());
            assertThat(RequestEcho.field(curl.output(), "host")).isEqualTo("app.local");
            assertThat(RequestEcho.field(curl.output(), "scheme")).isEqualTo("http");
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void oneConnectionCarriesManyRequests() throws Exception {
        Path socket = dir.resolve("keepalive.sock");
        try (GatewayServer server = start(socket);
                SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            for (int i = 0; i < 3; i++) {
                channel.write(StandardCharsets.ISO_8859_1.encode("GET /" + i + " HTTP/1.1\r\nHost: a\r\n\r\n"));
                String response = readResponse(channel);
                assertThat(response).startsWith("HTTP/1.1 200").contains("client-type=UnixDomainSocketAddress");
            }
        }
    }

    @Test
    void relayRegistersEachConnectionSoOnlyRelayedPeersAreRecognised() throws Exception {
        try (ServerSocket target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                UnixSocketRelay relay = UnixSocketRelay.open(
                        dir.resolve("relay.sock"),
                        (InetSocketAddress) target.getLocalSocketAddress(),
                        SocketFileAccess.OWNER_AND_GROUP)) {
            try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(relay.path()));
                    Socket relayed = target.accept()) {
                assertThat(UnixSocketRelay.peerOf(relayed.getRemoteSocketAddress()))
                        .get()
                        .extracting(UnixSocketRelay.UnixPeer::server)
                        .isEqualTo(UnixDomainSocketAddress.of(relay.path()));
                client.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)));
                assertThat(new String(relayed.getInputStream().readNBytes(4), StandardCharsets.US_ASCII))
                        .isEqualTo("ping");
                relayed.getOutputStream().write("pong".getBytes(StandardCharsets.US_ASCII));
                ByteBuffer answer = ByteBuffer.allocate(4);
                while (answer.hasRemaining() && client.read(answer) >= 0) {
                    // reads until the four bytes are in
                }
                assertThat(new String(answer.array(), StandardCharsets.US_ASCII))
                        .isEqualTo("pong");
            }
            try (Socket direct = new Socket(InetAddress.getLoopbackAddress(), target.getLocalPort());
                    Socket accepted = target.accept()) {
                assertThat(UnixSocketRelay.peerOf(accepted.getRemoteSocketAddress()))
                        .isEmpty();
            }
        }
    }

    @Test
    void staleSocketFileIsReplacedButALiveOneIsNot() throws Exception {
        Path socket = dir.resolve("stale.sock");
        ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                .bind(UnixDomainSocketAddress.of(socket))
                .close();
        assertThat(socket).exists();
        try (GatewayServer server = start(socket)) {
            assertThat(Command.of("curl", "-sS", "--unix-socket", socket.toString(), "http://a/")
                            .run()
                            .output())
                    .contains("kind=HTTP");
            assertThatThrownBy(() -> UnixSocketRelay.open(
                            socket,
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 1),
                            SocketFileAccess.OWNER_AND_GROUP))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("another process listens there");
        }
        Files.writeString(socket, "not a socket");
        assertThatThrownBy(() -> UnixSocketRelay.open(
                        socket,
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 1),
                        SocketFileAccess.OWNER_AND_GROUP))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a socket");
    }

    @Test
    void socketFileIsOwnerAndGroupOnlyByDefault() throws Exception {
        Path socket = dir.resolve("default.sock");
        try (GatewayServer server = start(socket)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
                    .isEqualTo("rw-rw----");
        }
    }

    @Test
    void proxyUserInTheSocketGroupCanConnectAndOthersCannot() throws Exception {
        Assumptions.assumeTrue(
                "root".equals(System.getProperty("user.name")), "runs the client as www-data, which needs root");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Path grouped = dir.resolve("grouped.sock");
        Path ungrouped = dir.resolve("ungrouped.sock");
        try (GatewayServer withGroup = start(grouped, "660", "www-data");
                GatewayServer withoutGroup = start(ungrouped, "660", "")) {
            assertThat(Files.readAttributes(grouped, PosixFileAttributes.class)
                            .group()
                            .getName())
                    .isEqualTo("www-data");
            assertThat(curlAsWwwData(grouped).output()).contains("kind=HTTP");
            ChildProcess.Result refused = curlAsWwwData(ungrouped);
            // curl's exit status 7: connect(2) failed, here with EACCES on the socket file.
            assertThat(refused.exit()).as(refused.output()).isEqualTo(7);
        }
    }

    @Test
    void unknownGroupIsOneLineNamingTheSocketAndTheGroup() {
        Path socket = dir.resolve("nogroup.sock");
        assertThatThrownBy(() -> start(socket, "660", "no-such-group-jgi").close())
                .hasMessageContaining("unix:" + socket)
                .hasMessageContaining("no group named no-such-group-jgi");
        assertThat(socket).doesNotExist();
    }

    @Test
    void modeMustBeThreeOctalDigits() {
        assertThatThrownBy(() -> GatewayServer.builder(new RequestEcho())
                        .unixSocketAccess("u+rw", "")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unix-socket-mode")
                .hasMessageContaining("u+rw");
    }

    @Test
    void addressAlreadyInUseNamesTheAddressAndPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String bind = "127.0.0.1:" + taken.getLocalPort();
            try (GatewayServer server = GatewayServer.builder(new RequestEcho())
                    .bind("127.0.0.1", taken.getLocalPort())
                    .accessLog(ServerConfig.AccessLogFormat.OFF)
                    .build()) {
                assertThatThrownBy(server::start)
                        .hasMessageContaining("cannot listen on " + bind + ": ")
                        .hasMessageContaining("in use");
            }
        }
    }

    private static ChildProcess.Result curlAsWwwData(Path socket) {
        return curl(socket, "http://a/", List.of("runuser", "-u", "www-data", "--"));
    }

    /** curl through the socket, after {@code prefix} (which may run it as another user). */
    private static ChildProcess.Result curl(Path socket, String url, List<String> prefix) {
        List<String> line = new ArrayList<>(prefix);
        line.addAll(List.of("curl", "-sS", "--max-time", "10", "--unix-socket", socket.toString(), url));
        return Command.of(line).run();
    }

    private static GatewayServer start(Path socket) {
        return start(socket, "660", "");
    }

    private static GatewayServer start(Path socket, String mode, String group) {
        GatewayServer server = GatewayServer.builder(new RequestEcho())
                .bind("127.0.0.1", 0)
                .bindUnix(socket)
                .unixSocketAccess(mode, group)
                .accessLog(ServerConfig.AccessLogFormat.OFF)
                .gracefulTimeout(Duration.ofSeconds(2))
                .build();
        server.start();
        return server;
    }

    /** One response with a content-length body. */
    private static String readResponse(SocketChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        while (true) {
            if (channel.read(buffer) < 0) {
                throw new IOException("closed early");
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                String head = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
                int at = head.indexOf("content-length: ");
                int length = Integer.parseInt(head.substring(at + 16)
                        .lines()
                        .findFirst()
                        .orElseThrow()
                        .strip());
                if (text.length() >= end + 4 + length) {
                    return text;
                }
            }
        }
    }
}
