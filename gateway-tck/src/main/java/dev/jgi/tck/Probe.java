package dev.jgi.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgi.tck.run.ServerSession;
import dev.jgi.tck.run.Target;
import dev.jgi.tck.wire.RawConnection;
import dev.jgi.tck.wire.RawResponse;
import dev.jgi.tck.wire.Transcript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A server test's handle on one probe deployment: literal requests over raw connections, the JDK's
 * client over TLS, and the probe's reports. Every byte exchanged lands in the test's
 * transcript, which the report shows when the test fails.
 */
public final class Probe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSession session;
    private final Target target;
    private final Transcript transcript;
    private String nonce = "";

    public Probe(ServerSession session, Target target, Transcript transcript) {
        this.session = session;
        this.target = target;
        this.transcript = transcript;
    }

    public Variant variant() {
        return target.variant();
    }

    /** The mount prefix of this deployment, empty at the root. */
    public String mount() {
        return target.mountPath();
    }

    public InetSocketAddress address() {
        return target.address();
    }

    public Duration timeout() {
        return session.settings().timeout();
    }

    /** The same test's handle on another deployment. */
    public Probe on(Variant other) {
        return new Probe(session, session.target(other), transcript);
    }

    /** A new connection to this deployment. */
    public RawConnection connect() {
        return RawConnection.open(target.address(), transcript, timeout());
    }

    /**
     * A request head with a {@code host} field and a fresh nonce, ending in the blank line. Each
     * extra line is a header line as written, e.g. {@code "Content-Length: 5"}.
     */
    public String head(String method, String requestTarget, String... lines) {
        nonce = UUID.randomUUID().toString();
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(requestTarget)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:")
                .append(target.address().getPort())
                .append("\r\n")
                .append("x-tck-nonce: ")
                .append(nonce)
                .append("\r\n");
        for (String line : lines) {
            head.append(line).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /** Sends the literal request on a new connection and reads the response, then closes. */
    public RawResponse exchange(String request) {
        try (RawConnection connection = connect()) {
            return connection.send(request).readResponse(request.substring(0, request.indexOf(' ')));
        }
    }

    /** The nonce of the last {@link #head}. */
    public String nonce() {
        return nonce;
    }

    /** The probe's echo report in {@code response}, checked to be the answer to the last {@link #head}. */
    public Echo echo(RawResponse response) {
        assertThat(response.status()).as("status of the probe's echo").isEqualTo(200);
        try {
            Echo echo = new Echo(JSON.readTree(response.body()));
            assertThat(echo.nonce())
                    .as("nonce: the request reached the application")
                    .isEqualTo(nonce);
            return echo;
        } catch (IOException e) {
            throw new AssertionError("the echo is not JSON: " + response.bodyText(), e);
        }
    }

    /**
     * Sends {@code GET path} (inside this deployment) over HTTP/2 and TLS with a fresh nonce, to the
     * {@link Variant#SECURE} deployment, trusting only the certificate the TCK generated for it.
     */
    public java.net.http.HttpResponse<String> getOverTls(String path) {
        nonce = UUID.randomUUID().toString();
        java.net.URI uri =
                java.net.URI.create("https://127.0.0.1:" + target.address().getPort() + path(path));
        transcript.note(true, "GET " + uri + " (HTTP/2 over TLS)\nx-tck-nonce: " + nonce);
        try {
            var response = session.https()
                    .send(
                            java.net.http.HttpRequest.newBuilder(uri)
                                    .timeout(timeout())
                                    .header("x-tck-nonce", nonce)
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            transcript.note(
                    false,
                    response.version() + " " + response.statusCode() + "\n"
                            + response.headers().map() + "\n" + response.body());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The probe's echo in a response of {@link #getOverTls}, checked to answer the last request. */
    public Echo echo(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status of the probe's echo").isEqualTo(200);
        try {
            Echo echo = new Echo(JSON.readTree(response.body()));
            assertThat(echo.nonce())
                    .as("nonce: the request reached the application")
                    .isEqualTo(nonce);
            return echo;
        } catch (IOException e) {
            throw new AssertionError("the echo is not JSON: " + response.body(), e);
        }
    }

    /**
     * The events the probe recorded under {@code key} (hooks, closes, disconnects), waiting until at
     * least {@code count} arrived or the timeout passed.
     */
    public List<String> log(String key, int count) {
        Instant deadline = Instant.now().plus(timeout());
        List<String> events = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            RawResponse response = exchange(head("GET", target.mountPath() + "/_tck/log/" + key, "Connection: close"));
            events.clear();
            try {
                JSON.readTree(response.body()).forEach(e -> events.add(e.asText()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (events.size() >= count) {
                return List.copyOf(events);
            }
            pause(Duration.ofMillis(25));
        }
        return List.copyOf(events);
    }

    /** What the probe recorded at start-up. */
    public JsonNode serverInfo() {
        return session.serverInfo();
    }

    /** A path inside this deployment: the mount prefix, then {@code path}. */
    public String path(String path) {
        return target.mountPath() + path;
    }

    public Transcript transcript() {
        return transcript;
    }

    public ServerSession session() {
        return session;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
