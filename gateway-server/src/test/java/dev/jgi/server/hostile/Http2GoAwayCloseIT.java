package dev.jgi.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.server.tls.TestCertificates;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the server ends an HTTP/2 connection, its client reads the GOAWAY and then the end of the
 * stream, never a reset (RFC 9113 sections 6.8 and 9.1) [JGI-LIM-5]: a server that closes its
 * socket with the client's bytes unread makes the kernel answer with a reset, which takes the
 * GOAWAY out of the client's hands. Each of {@value #QUICK_CLIENTS} clients (five times as many
 * with {@code -Dhostile=full}) writes, in one write, far more HEADERS and RST_STREAM pairs than the
 * reset rate allows, so that the server cuts it off with bytes still unread, over prior-knowledge
 * h2c (the preface in the same write), h2c by {@code Upgrade}, and h2 by ALPN; and clients still
 * sending as their idle connection's GOAWAY arrives see the same end.
 */
class Http2GoAwayCloseIT {

    private static final int QUICK_CLIENTS = 20;
    private static final int CLIENTS = HostileServer.FULL ? 5 * QUICK_CLIENTS : QUICK_CLIENTS;
    /** Pairs in each client's burst: 50 times the default reset rate's burst of 100. */
    private static final int PAIRS = 5000;
    /** How long every client together may take to read its GOAWAY and its end of stream. */
    private static final Duration BOUND = Duration.ofSeconds(15);

    private static final int NO_ERROR = 0;

    /** How a client's connection ended: its GOAWAY (or null), and whether by a reset (or null: not in time). */
    private record Ending(RawH2.GoAway goAway, Boolean reset) {}

    /** Opens one client connection. */
    private interface Opener {
        RawH2 open() throws IOException;
    }

    @Test
    void rapidResetClientsOverPriorKnowledgeH2cReadGoAwayThenTheEnd() throws Exception {
        try (HostileServer server = HostileServer.start("--h2c", "--access-log", "off")) {
            assertEveryBurstEndsCleanly(
                    () -> RawH2.cleartextPrefaceHeld(server.port()), RawH2.resetBurst(false, 1, PAIRS, "/"));
            server.assertBystanderAndMemoryUnharmed();
        }
    }

    @Test
    void rapidResetClientsAfterUpgradeToH2cReadGoAwayThenTheEnd() throws Exception {
        try (HostileServer server = HostileServer.start("--h2c", "--access-log", "off")) {
            assertEveryBurstEndsCleanly(() -> RawH2.upgraded(server.port()), RawH2.resetBurst(false, 3, PAIRS, "/"));
            server.assertBystanderAndMemoryUnharmed();
        }
    }

    @Test
    void rapidResetClientsOverTlsReadGoAwayThenTheEnd(@TempDir Path dir) throws Exception {
        TestCertificates.Pem pem = TestCertificates.ec(dir, TestCertificates.KeyFormat.PKCS8);
        try (HostileServer server = HostileServer.start(HostileServer.withTls(pem, "--access-log", "off"))) {
            javax.net.ssl.SSLContext trusting = TestCertificates.trusting(pem.certFile());
            assertEveryBurstEndsCleanly(
                    () -> RawH2.tls(server.port(), trusting), RawH2.resetBurst(true, 1, PAIRS, "/"));
            server.assertBystanderAndMemoryUnharmed();
        }
    }

    /**
     * A client that reads nothing while it writes: the first 64 KiB of a large response (the flow
     * control window) fill its receive buffer, so the GOAWAY waits behind them in the server's send
     * queue when the server ends the connection. It gets both once it reads, and then the end of the
     * stream: a close with the burst unread would have reset the queue away.
     */
    @Test
    void aClientNotReadingWhileItWritesGetsItsGoAwayOnceItReads() throws Exception {
        try (HostileServer server = HostileServer.start("--h2c", "--access-log", "off")) {
            byte[] burst = RawH2.resetBurst(false, 3, PAIRS, "/");
            List<Ending> endings = run(() -> RawH2.cleartextNotReading(server.port()), client -> {
                client.get(1, "/big");
                client.flush();
                Thread.sleep(200);
                try {
                    client.writeAll(burst);
                } catch (IOException cutOff) {
                    // What the ending shows.
                }
                client.startReading();
                return new Ending(client.awaitGoAway(BOUND), client.awaitEnd(BOUND));
            });
            assertEveryEndingCleanAfter(endings, RawH2.ENHANCE_YOUR_CALM);
            server.assertBystanderAndMemoryUnharmed();
        }
    }

    /**
     * A client whose request leaves as the idle connection's GOAWAY arrives (it had not read it
     * yet) reads the end of the stream, not a reset: the server discards what follows its GOAWAY.
     */
    @Test
    void clientsSendingAsTheirIdleGoAwayArrivesReadTheEnd() throws Exception {
        try (HostileServer server = HostileServer.start("--h2c", "--keep-alive-timeout", "1s")) {
            List<Ending> endings = run(() -> RawH2.cleartext(server.port()), client -> {
                RawH2.GoAway goAway = client.awaitGoAway(BOUND);
                try {
                    client.get(1, "/");
                    client.flush();
                } catch (IOException closed) {
                    // The end already arrived: what is asserted.
                }
                return new Ending(goAway, client.awaitEnd(BOUND));
            });
            assertEveryEndingCleanAfter(endings, NO_ERROR);
        }
    }

    private static void assertEveryBurstEndsCleanly(Opener opener, byte[] burst) throws Exception {
        List<Ending> endings = run(opener, client -> {
            try {
                client.writeAll(burst);
            } catch (IOException cutOff) {
                // The server stopped reading, or reset the connection: what the ending shows.
            }
            return new Ending(client.awaitGoAway(BOUND), client.awaitEnd(BOUND));
        });
        assertEveryEndingCleanAfter(endings, RawH2.ENHANCE_YOUR_CALM);
    }

    /** Every client read a GOAWAY with {@code errorCode}, and then the end of the stream. */
    private static void assertEveryEndingCleanAfter(List<Ending> endings, int errorCode) {
        long clean = endings.stream()
                .filter(e ->
                        e.goAway() != null && e.goAway().errorCode() == errorCode && Boolean.FALSE.equals(e.reset()))
                .count();
        System.out.printf("GOAWAY then the end of the stream: %d of %d clients; %s%n", clean, CLIENTS, endings);
        for (Ending ending : endings) {
            assertThat(ending.goAway()).as("a GOAWAY read before the end").isNotNull();
            assertThat(ending.goAway().errorCode()).isEqualTo(errorCode);
            assertThat(ending.reset()).as("ended by a reset (null: not ended)").isFalse();
        }
    }

    /** One client's part: what it does on its connection, and how that ended. */
    private interface Part {
        Ending play(RawH2 client) throws Exception;
    }

    /**
     * Runs {@link #CLIENTS} clients, one after the other on connections all opened first (the
     * handshakes are not the attack), within {@link #BOUND}. One after the other, so that the
     * bystander's bound holds what one attack adds, as elsewhere in the suite.
     */
    private static List<Ending> run(Opener opener, Part part) throws Exception {
        List<RawH2> connected = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                connected.add(opener.open());
            }
            long start = System.nanoTime();
            List<Ending> endings = new ArrayList<>();
            for (RawH2 client : connected) {
                endings.add(part.play(client));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d clients ended in %.2f s%n", CLIENTS, seconds);
            assertThat(seconds).as("seconds for every client to end").isLessThan((double) BOUND.toSeconds());
            return endings;
        } finally {
            for (RawH2 client : connected) {
                client.close();
            }
        }
    }
}
