package dev.jgi.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.testing.RoomConnection;
import dev.jgi.testing.JgiProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real {@code bin/jgi serve chat.jar} gets SIGTERM with WebSocket clients and event streams open:
 * on the drain signal [JGI-LIFE-9] the chat closes its sockets with 1001 and ends its streams
 * cleanly [JGI-LIFE-10], so the process exits without waiting for the graceful timeout, which
 * would close the sockets with 1001 too but cut the streams.
 */
class ChatDrainIT {

    private static final Duration GRACEFUL_TIMEOUT = Duration.ofSeconds(20);
    private static final int CLIENTS_OF_EACH = 2;

    @Test
    void sigtermClosesSocketsWith1001AndEndsEventStreamsCleanlyBeforeTheGracefulTimeout() throws Exception {
        try (JgiProcess jgi = JgiProcess.start(
                        Path.of("target"),
                        Map.of(),
                        List.of(
                                "serve",
                                "--bind",
                                "127.0.0.1:0",
                                "--graceful-timeout",
                                GRACEFUL_TIMEOUT.toSeconds() + "s",
                                Path.of("target/chat.jar").toAbsolutePath().toString()));
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()) {
            URI base = jgi.awaitListening();
            List<RoomConnection> sockets = new ArrayList<>();
            List<RoomConnection> streams = new ArrayList<>();
            for (int i = 0; i < CLIENTS_OF_EACH; i++) {
                sockets.add(RoomConnection.webSocket(
                        http, URI.create(base.toString().replace("http:", "ws:") + "/rooms/drain/ws")));
                streams.add(RoomConnection.eventStream(http, URI.create(base + "/rooms/drain/events")));
            }
            for (RoomConnection connection : concat(sockets, streams)) {
                connection.opened().get(30, TimeUnit.SECONDS);
            }

            long signalled = System.nanoTime();
            jgi.terminate();
            List<String> socketEnds = outcomes(sockets);
            List<String> streamEnds = outcomes(streams);
            double endedAfter = seconds(signalled);
            int exit = jgi.exitCode();
            double exitedAfter = seconds(signalled);
            System.out.printf(
                    "chat, SIGTERM with %d WebSockets and %d event streams open: sockets %s, streams %s, all ended"
                            + " %.2f s after SIGTERM; exit %d after %.2f s (graceful timeout %d s)%n",
                    CLIENTS_OF_EACH,
                    CLIENTS_OF_EACH,
                    socketEnds,
                    streamEnds,
                    endedAfter,
                    exit,
                    exitedAfter,
                    GRACEFUL_TIMEOUT.toSeconds());
            assertThat(socketEnds).as("how the WebSockets ended").containsOnly("close 1001");
            assertThat(streamEnds).as("how the event streams ended").containsOnly(RoomConnection.CLEAN_END);
            assertThat(exit).as(jgi.output()).isZero();
            // Without the app's help the server would wait for the streams until the graceful timeout.
            assertThat(exitedAfter).as("seconds from SIGTERM to exit").isLessThan(GRACEFUL_TIMEOUT.toSeconds() / 2.0);
        }
    }

    private static List<String> outcomes(List<RoomConnection> connections) throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (RoomConnection connection : connections) {
            outcomes.add(connection.ended().get(GRACEFUL_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    private static List<RoomConnection> concat(List<RoomConnection> a, List<RoomConnection> b) {
        List<RoomConnection> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
