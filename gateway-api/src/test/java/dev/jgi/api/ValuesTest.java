package dev.jgi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The records of the API are validated, immutable values. */
class ValuesTest {

    private static Request request(String method, String scheme, Map<String, Object> state) {
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", 8080);
        return Request.builder()
                .method(method)
                .scheme(scheme)
                .version("HTTP/1.1")
                .target(RequestTarget.of("/a?b", "/a", "/a", Optional.of("b")))
                .headers(Headers.of("host", "localhost"))
                .client(local)
                .server(local)
                .state(state)
                .build();
    }

    @Test
    void responseFactoriesSetStatusTypeAndBody() {
        Response text = Response.text(201, "héllo");
        assertThat(text.status()).isEqualTo(201);
        assertThat(text.headers().first("content-type")).contains("text/plain; charset=utf-8");
        assertThat(text.body()).isEqualTo(new Body.Text("héllo", StandardCharsets.UTF_8));
        assertThat(text.trailers()).isEmpty();
        assertThat(Response.json(200, "{}").headers().first("content-type")).contains("application/json");
        assertThat(Response.html(200, "<p>").headers().first("content-type")).contains("text/html; charset=utf-8");
        assertThat(Response.redirect(303, "/next").headers().first("location")).contains("/next");
        assertThat(Response.empty(204).body()).isEqualTo(Body.empty());
    }

    @Test
    void responseWithersReturnChangedCopies() {
        Response base = Response.text(200, "x");
        Response changed = base.withStatus(404)
                .withHeader("content-type", "text/csv")
                .plusHeader("vary", "a")
                .plusHeader("vary", "b")
                .withTrailers(() -> Headers.of("x-sum", "1"));
        assertThat(base.status()).isEqualTo(200);
        assertThat(changed.status()).isEqualTo(404);
        assertThat(changed.headers().all("content-type")).containsExactly("text/csv");
        assertThat(changed.headers().all("vary")).containsExactly("a", "b");
        assertThat(changed.trailers())
                .get()
                .extracting(supplier -> supplier.get())
                .isEqualTo(Headers.of("x-sum", "1"));
        assertThat(base.withBody(Body.of("y")).body()).isEqualTo(Body.of("y"));
    }

    @Test
    void statusOutsideTheHttpRangeIsRefusedNamingTheClause() {
        assertThatThrownBy(() -> Response.empty(99)).hasMessageContaining("JGI-RESP-1");
        assertThatThrownBy(() -> Response.empty(600)).hasMessageContaining("JGI-RESP-1");
        assertThatThrownBy(() -> new Action.ResponseStart(1000, Headers.of(), false))
                .hasMessageContaining("JGI-RESP-1");
        assertThatThrownBy(() -> new Action.WebSocketDeny(101, Headers.of(), ByteBuffer.allocate(0)))
                .hasMessageContaining("JGI-WS-4");
    }

    @Test
    void byteBodiesAreReadOnlyViewsThatDoNotMoveTheOriginal() {
        byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
        Body.Bytes body = (Body.Bytes) Body.of(bytes);
        ByteBuffer view = body.data();
        assertThat(view.isReadOnly()).isTrue();
        view.get();
        assertThat(body.data().remaining()).isEqualTo(3);
        assertThat(body.length()).isEqualTo(3);

        Event.RequestBody piece = new Event.RequestBody(ByteBuffer.wrap(bytes), true);
        piece.data().get();
        assertThat(piece.data().remaining()).isEqualTo(3);
        assertThat(new Action.ResponseBody(ByteBuffer.wrap(bytes), false).data().isReadOnly())
                .isTrue();
        assertThat(Action.ResponseBody.end().data().remaining()).isZero();
        assertThat(Action.ResponseBody.end().more()).isFalse();
    }

    @Test
    void fileRegionsRefuseNegativeOffsetsAndLengths() {
        Path file = Path.of("x");
        assertThatThrownBy(() -> new Body.FileRegion(file, -1, OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Body.FileRegion(file, 0, OptionalLong.of(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Action.ResponseFile(file, -1, OptionalLong.empty(), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Body.file(file)).isEqualTo(new Body.FileRegion(file, 0, OptionalLong.empty()));
    }

    @Test
    void requestRefusesAMethodThatIsNotATokenAndAnUnknownScheme() {
        assertThatThrownBy(() -> request("GE T", "http", Map.of())).hasMessageContaining("JGI-REQ-1");
        assertThatThrownBy(() -> request("", "http", Map.of())).hasMessageContaining("JGI-REQ-1");
        assertThatThrownBy(() -> request("GET", "ftp", Map.of())).hasMessageContaining("JGI-REQ-2");
        assertThat(request("PROPFIND", "https", Map.of()).method()).isEqualTo("PROPFIND");
    }

    @Test
    void requestSharesItsStateAndItsWithersKeepTheRest() {
        Map<String, Object> state = new HashMap<>(Map.of("k", "v"));
        Request original = request("GET", "http", state);
        assertThat(original.state()).isSameAs(state);
        assertThat(original.attributes()).isEmpty();

        Request grown = original.withAttribute("user", "ann").withHeaders(Headers.of("host", "example.org"));
        assertThat(grown.attributes()).containsOnly(Map.entry("user", "ann"));
        assertThat(grown.state())
                .as("per-request values never reach the shared state")
                .isSameAs(state);
        assertThat(state).containsOnlyKeys("k");
        assertThat(grown.header("host")).contains("example.org");
        assertThat(grown.path()).isEqualTo("/a");
        assertThat(original.attributes()).isEmpty();
        assertThatThrownBy(() -> grown.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);

        RequestTarget mounted = original.target().mountedAt("/a").orElseThrow();
        assertThat(original.withTarget(mounted).path()).isEmpty();
        assertThat(original.withTarget(mounted).target().mountPath()).isEqualTo("/a");
        assertThat(original.toBuilder().build()).isEqualTo(original);
    }

    @Test
    void requestBuilderNamesAMissingComponent() {
        assertThatThrownBy(() -> Request.builder().method("GET").build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("scheme");
    }

    @Test
    void tlsCopiesThePeerCertificates() {
        Request.Tls tls = new Request.Tls("TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(), Optional.of("example.org"));
        assertThatThrownBy(() -> tls.peerCertificates().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void serverInfoCopiesItsCapabilities() {
        Set<Capability> declared = new java.util.HashSet<>(Set.of(Capability.TRAILERS));
        ServerInfo info = new ServerInfo("jgi", "1", ServerInfo.SPEC_VERSION, declared);
        declared.add(Capability.WEBSOCKET);
        assertThat(info.supports(Capability.TRAILERS)).isTrue();
        assertThat(info.supports(Capability.WEBSOCKET)).isFalse();
        assertThat(info.specVersion()).isEqualTo("1.0");
    }

    @Test
    void completionSucceedsExactlyWithoutAnError() {
        assertThat(new Completion(200, 5, Optional.empty(), Duration.ZERO).succeeded())
                .isTrue();
        assertThat(new Completion(200, 2, Optional.of(new ClientDisconnectedException("gone")), Duration.ZERO)
                        .succeeded())
                .isFalse();
    }

    @Test
    void lifespanDefaultsToEmptyStateAndANoOpStop() throws Exception {
        Application app = (request, exchange) -> Response.empty(204);
        assertThat(app.start(new ServerInfo("jgi", "1", "1.0", Set.of()))).isEmpty();
        app.stop();
    }

    @Test
    void eventsAndActionsAreValues() {
        assertThat(new Event.WebSocketText("hi")).isEqualTo(new Event.WebSocketText("hi"));
        assertThat(new Event.Disconnect()).isEqualTo(new Event.Disconnect());
        assertThat(new Action.WebSocketClose(1000, "bye")).isEqualTo(new Action.WebSocketClose(1000, "bye"));
        assertThat(new Event.WebSocketBinary(ByteBuffer.wrap(new byte[] {1}))
                        .data()
                        .isReadOnly())
                .isTrue();
        assertThat(new Action.WebSocketSendBinary(ByteBuffer.wrap(new byte[] {1}))
                        .data()
                        .isReadOnly())
                .isTrue();
    }

    @Test
    void bodyLengthIsKnownFromTheContentLengthOrTheAbsenceOfABody() {
        Request plain = request("POST", "http", Map.of());
        assertThat(plain.withHeaders(Headers.of("content-length", "12")).bodyLength())
                .hasValue(12);
        assertThat(plain.withHeaders(Headers.of()).bodyLength()).hasValue(0);
        assertThat(plain.withHeaders(Headers.of("transfer-encoding", "chunked", "content-length", "12"))
                        .bodyLength())
                .isEmpty();
        assertThat(plain.withHeaders(Headers.of("content-length", "1x")).bodyLength())
                .isEmpty();
    }

    @Test
    void writerFactoryMakesALambdaABody() throws Exception {
        Body body = Body.writer(out -> out.write(7));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        if (body instanceof Body.Writer writer) {
            writer.writeTo(out);
        }
        assertThat(out.toByteArray()).containsExactly(7);
        assertThatThrownBy(() -> Body.writer(null)).hasMessage("writer");
    }
}
