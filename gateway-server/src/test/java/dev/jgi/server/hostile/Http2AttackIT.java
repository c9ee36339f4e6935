package dev.jgi.server.hostile;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.server.tls.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP/2 attacks against a real server [JGI-LIM-5]: rapid reset (CVE-2023-44487) over h2c and TLS,
 * a flood of new streams, and an idle connection, each cut off within the bound that
 * docs/security.md states.
 */
class Http2AttackIT {

    /** The bound docs/security.md states for rapid reset: cut off within this many streams. */
    private static final int RAPID_RESET_BOUND = 1000;

    private static final int ATTACK_STREAMS = HostileServer.FULL ? 200_000 : 20_000;

    @Test
    void rapidResetOverCleartextGetsGoAwayWithinAThousandStreams() throws Exception {
        try (HostileServer server = HostileServer.start("--h2c", "--access-log", "off")) {
            try (RawH2 client = RawH2.cleartext(server.port())) {
                assertRapidResetCutOff(client, 1);
            }
            assertThat(streamsAtCutOff(server)).isLessThanOrEqualTo(RAPID_RESET_BOUND);
            server.assertBystanderAndMemoryUnharmed();
            assertThat(server.process().stderr()).contains("GOAWAY ENHANCE_YOUR_CALM", "stream resets per second");
        }
    }

    @Test
    void rapidResetAfterUpgradeToH2cGetsGoAwayWithinAThousandStreams() throws Exception {
        try (HostileServer server = HostileServer.start("--h2c", "--access-log", "off")) {
            try (RawH2 client = RawH2.upgraded(server.port())) {
                assertRapidResetCutOff(client, 3);
            }
            assertThat(streamsAtCutOff(server)).isLessThanOrEqualTo(RAPID_RESET_BOUND);
            server.assertBystanderAndMemoryUnharmed();
            assertThat(server.process().stderr()).contains("GOAWAY ENHANCE_YOUR_CALM", "stream resets per second");
        }
    }

    @Test
    void rapidResetOverTlsGetsGoAwayWithinAThousandStreams(@TempDir Path dir) throws Exception {
        TestCertificates.Pem pem = TestCertificates.ec(dir, TestCertificates.KeyFormat.PKCS8);
        try (HostileServer server = HostileServer.start(HostileServer.withTls(pem, "--access-log", "off"))) {
            try (RawH2 client = RawH2.tls(server.port(), TestCertificates.trusting(pem.certFile()))) {
                assertRapidResetCutOff(client, 1);
            }
            assertThat(streamsAtCutOff(server)).isLessThanOrEqualTo(RAPID_RESET_BOUND);
        }
    }

    @Test
    void aFloodOfNewStreamsGetsGoAway() throws Exception {
        try (HostileServer server = HostileServer.start(
                "--h2c", "--access-log", "off", "--h2-max-reset-rate", "0", "--h2-max-stream-rate", "200")) {
            try (RawH2 client = RawH2.cleartext(server.port())) {
                int sent = 0;
                for (int stream = 1; sent < 5000 && !client.stopped(); stream += 2, sent++) {
                    client.get(stream, "/");
                    if (sent % 50 == 49) {
                        client.flush();
                    }
                }
                client.flush();
                RawH2.GoAway goAway = client.awaitGoAway(Duration.ofSeconds(10));
                assertThat(goAway).as("GOAWAY").isNotNull();
                assertThat(goAway.errorCode()).isEqualTo(RawH2.ENHANCE_YOUR_CALM);
                assertThat(client.awaitClosed(Duration.ofSeconds(10)))
                        .as("closed after %d streams", sent)
                        .isTrue();
            }
            assertThat(streamsAtCutOff(server)).isLessThan(400);
            server.assertBystanderAndMemoryUnharmed();
            assertThat(server.process().stderr()).contains("new streams per second");
        }
    }

    @Test
    void anIdleConnectionGetsGoAwayAfterTheKeepAliveTimeout(@TempDir Path dir) throws Exception {
        TestCertificates.Pem pem = TestCertificates.ec(dir, TestCertificates.KeyFormat.PKCS8);
        try (HostileServer server = HostileServer.start(
                "--certfile",
                pem.certFile().toString(),
                "--keyfile",
                pem.keyFile().toString(),
                "--keep-alive-timeout",
                "2s",
                "--header-read-timeout",
                "30s")) {
            for (boolean withStream : new boolean[] {false, true}) {
                try (RawH2 client = RawH2.tls(server.port(), TestCertificates.trusting(pem.certFile()))) {
                    if (withStream) {
                        client.get(1, "/");
                        client.flush();
                    }
                    long start = System.nanoTime();
                    RawH2.GoAway goAway = client.awaitGoAway(Duration.ofSeconds(10));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    assertThat(goAway)
                            .as("GOAWAY of an idle connection, stream sent: %s", withStream)
                            .isNotNull();
                    assertThat(goAway.errorCode()).isZero();
                    assertThat(seconds).as("seconds idle").isBetween(1.5, 2.0 + 2);
                    assertThat(client.awaitClosed(Duration.ofSeconds(5))).isTrue();
                    assertThat(client.responses()).isEqualTo(withStream ? 1 : 0);
                }
            }
        }
    }

    /** HEADERS with END_STREAM, then RST_STREAM, as fast as the socket takes them. */
    private static void assertRapidResetCutOff(RawH2 client, int firstStream) throws Exception {
        int sent = 0;
        try {
            for (int stream = firstStream; sent < ATTACK_STREAMS && !client.stopped(); stream += 2, sent++) {
                client.get(stream, "/");
                client.reset(stream);
                if (sent % 100 == 99) {
                    client.flush();
                }
            }
            client.flush();
        } catch (java.io.IOException closedWhileWriting) {
            // The server closed the connection after its GOAWAY: what is asserted below.
        }
        // The server's log line says how many streams it had seen when it cut the client off: that
        // is what is bounded. Its close lingers, so the GOAWAY arrives while the attacker still writes.
        RawH2.GoAway goAway = client.awaitGoAway(Duration.ofSeconds(10));
        assertThat(goAway).as("GOAWAY").isNotNull();
        assertThat(goAway.errorCode()).isEqualTo(RawH2.ENHANCE_YOUR_CALM);
        assertThat(client.awaitClosed(Duration.ofSeconds(10)))
                .as("closed after GOAWAY")
                .isTrue();
        System.out.printf("rapid reset: %d streams written, GOAWAY %s%n", sent, goAway);
    }

    /** The streams the server had seen opened when its log says it cut the client off. */
    private static int streamsAtCutOff(HostileServer server) throws Exception {
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("ENHANCE_YOUR_CALM: .*?(\\d+) opened\\)");
        eventually(() -> assertThat(line.matcher(server.process().stderr()).find())
                .as("a cut-off line in the server log")
                .isTrue());
        java.util.regex.Matcher cut = line.matcher(server.process().stderr());
        assertThat(cut.find()).isTrue();
        return Integer.parseInt(cut.group(1));
    }
}
