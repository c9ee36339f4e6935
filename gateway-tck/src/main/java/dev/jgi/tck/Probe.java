package dev.jgi.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgi.tck.h2.Http2Exchange;
import dev.jgi.tck.h2.Http2Stream;
import dev.jgi.tck.run.ServerSession;
import dev.jgi.tck.run.Target;
import dev.jgi.tck.spi.Protocol;
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
import java.util.Optional;
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
    private final Protocol protocol;
    private final Transcript transcript;
    private String nonce = "";

    public Probe(ServerSession session, Target target, Transcript transcript) {
        this(session, target, Protocol.HTTP_1_1, transcript);
    }

    /** A handle whose {@link #exchange}s go over {@code protocol}. */
    public Probe(ServerSession session, Target target, Protocol protocol, Transcript transcript) {
        this.session = session;
        this.target = target;
        this.protocol = protocol;
        this.transcript = transcript;
    }

    /** The scheme the application must see: {@code https} exactly over TLS [JGI-REQ-2]. */
    public String scheme() {
        return protocol == Protocol.H2 ? "https" : "http";
    }

    /** The protocol {@link #exchange} speaks. */
    public Protocol protocol() {
        return protocol;
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

    /** The same test's handle on another deployment, over the same protocol. */
    public Probe on(Variant other) {
        return new Probe(session, session.target(other, protocol), protocol, transcript);
    }

    /**
     * A new HTTP/1.1 connection to this deployment. Only HTTP/1.1 runs have one: a test that drives
     * the connection itself is {@link Http1Only}, which the check here makes sure is declared.
     */
    public RawConnection connect() {
        if (protocol != Protocol.HTTP_1_1) {
            throw new IllegalStateException("a test that opens an HTTP/1.1 connection itself must be @Http1Only,"
                    + " with the reason; this run speaks " + protocol.token());
        }
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

    /**
     * Sends the literal HTTP/1.1 request on a new connection and reads the response, then closes.
     * Over HTTP/2 the request is sent as the HTTP/2 request that means the same (a chunked body as
     * one DATA frame per chunk, see {@code dev.jgi.tck.h2.LiteralRequest}) on stream 1, and the
     * response comes back as a {@link RawResponse} of version {@code HTTP/2}.
     */
    public RawResponse exchange(String request) {
        if (protocol != Protocol.HTTP_1_1) {
            return Http2Exchange.exchange(target.address(), http2Tls(), transcript, timeout(), request);
        }
        try (RawConnection connection = RawConnection.open(target.address(), transcript, timeout())) {
            return connection.send(request).readResponse(request.substring(0, request.indexOf(' ')));
        }
    }

    /**
     * Sends the literal HTTP/1.1 request and keeps its exchange open for the test to leave: on a
     * connection of its own over HTTP/1.1, on stream 1 of a new connection over HTTP/2 (a body
     * shorter than its {@code Content-Length} leaves the stream open, see {@link Http2Stream}).
     */
    public OpenExchange begin(String request) {
        if (protocol == Protocol.HTTP_1_1) {
            RawConnection connection = RawConnection.open(target.address(), transcript, timeout());
            connection.send(request);
            return new OpenExchange.OnConnection(connection, timeout());
        }
        return new OpenExchange.OnStream(
                Http2Stream.open(target.address(), http2Tls(), transcript, timeout(), request));
    }

    /** TLS for h2, none for h2c (prior knowledge). */
    private Optional<javax.net.ssl.SSLContext> http2Tls() {
        return protocol == Protocol.H2 ? Optional.of(session.tlsContext()) : Optional.empty();
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
     * The capabilities a plain {@code GET} over this probe's protocol and deployment holds
     * [JGI-CAP-6], by name; the {@link Variant#SECURE} deployment is asked over TLS.
     */
    public List<String> requestCapabilities() {
        Echo echo = variant() == Variant.SECURE
                ? echo(getOverTls("/capabilities"))
                : echo(exchange(head("GET", path("/capabilities"))));
        return echo.capabilities();
    }

    /**
     * Sends {@code GET path} (inside this deployment) over HTTP/2 and TLS with a fresh nonce, to the
     * {@link Variant#SECURE} deployment, trusting only the certificate the TCK generated for it.
     */
    public java.net.http.HttpResponse<String> getOverTls(String path) {
        return getOverTls(session.https(), path);
    }

    /**
     * As {@link #getOverTls(String)}, on a new connection whose client presents the TCK's client
     * certificate when the server asks for one; {@code asked} runs if it does.
     */
    public java.net.http.HttpResponse<String> getOverTlsWithClientCertificate(String path, Runnable asked) {
        try (java.net.http.HttpClient client = session.httpsWithClientCertificate(asked)) {
            return getOverTls(client, path);
        }
    }

    private java.net.http.HttpResponse<String> getOverTls(java.net.http.HttpClient client, String path) {
        nonce = UUID.randomUUID().toString();
        java.net.URI uri =
                java.net.URI.create("https://127.0.0.1:" + target.address().getPort() + path(path));
        transcript.note(true, "GET " + uri + " (HTTP/2 over TLS)\nx-tck-nonce: " + nonce);
        try {
            var response = client.send(
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
