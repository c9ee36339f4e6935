package dev.jgi.servlet.embedded;

import dev.jgi.api.Application;
import dev.jgi.api.Body;
import dev.jgi.api.Completion;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A sync application whose routes each show one behaviour of the bridge. */
final class SyncProbe implements Application {

    final AtomicInteger starts = new AtomicInteger();
    final AtomicInteger stops = new AtomicInteger();
    final List<String> events = new CopyOnWriteArrayList<>();
    final CountDownLatch streamRelease = new CountDownLatch(1);
    final AtomicInteger streamCloses = new AtomicInteger();
    volatile ServerInfo info;

    @Override
    public Map<String, Object> start(ServerInfo server) {
        info = server;
        starts.incrementAndGet();
        return Map.of("greeting", "hello from start");
    }

    @Override
    public void stop() {
        stops.incrementAndGet();
    }

    @Override
    public Response handle(Request request, Exchange exchange) throws Exception {
        return switch (request.path()) {
            case "/body" ->
                Response.of(
                        200,
                        Headers.of("content-type", "application/octet-stream"),
                        Body.of(exchange.body().readAllBytes()));
            case "/body-caught" -> {
                try {
                    exchange.body().readAllBytes();
                    yield Response.text(200, "read");
                } catch (IOException e) {
                    StringBuilder chain = new StringBuilder("caught");
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        chain.append(' ')
                                .append(t.getClass().getName())
                                .append(": ")
                                .append(t.getMessage());
                    }
                    yield Response.text(200, chain.toString());
                }
            }
            case "/unread" -> Response.text(200, "not read");
            case "/stream-now" ->
                Response.of(200, Headers.of("content-type", "text/plain"), Body.writer(out -> out.write('x')));
            case "/fail" -> throw new IllegalStateException("secret detail");
            case "/fail-after-commit" ->
                Response.of(200, Headers.of(), Body.writer(out -> {
                    out.write("partial".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    throw new IOException("broken after commit");
                }));
            case "/stream" ->
                Response.of(200, Headers.of("content-type", "text/plain"), Body.writer(out -> {
                    out.write("first\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    try {
                        streamRelease.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    out.write("second\n".getBytes(StandardCharsets.UTF_8));
                }));
            case "/input-stream" ->
                Response.of(
                        200,
                        Headers.of(),
                        new Body.Stream(
                                counted(new ByteArrayInputStream("from a stream".getBytes(StandardCharsets.UTF_8)))));
            case "/trailers" ->
                Response.text(200, "body before trailers").withTrailers(() -> Headers.of("x-checksum", "abc123"));
            case "/hop" -> Response.text(200, "never sent").withHeader("connection", "keep-alive");
            case "/wrong-length" -> Response.text(200, "four").withHeader("content-length", "40");
            case "/set-cookies" ->
                Response.text(200, "cookies").plusHeader("set-cookie", "a=1").plusHeader("set-cookie", "b=2");
            case "/no-content" -> Response.text(204, "must not be sent");
            case "/hooks" -> {
                exchange.onComplete(done -> events.add("first-registered " + done.status() + " " + done.bytesSent()));
                exchange.onComplete(done -> events.add("second-registered " + done.status()));
                exchange.onComplete(done -> {
                    throw new IllegalStateException("a failing hook does not stop the others");
                });
                yield Response.text(200, "hooked");
            }
            case "/hooks-fail" -> {
                exchange.onComplete((Completion done) -> events.add(
                        "failed " + done.status() + " " + done.error().isPresent()));
                throw new IllegalStateException("boom");
            }
            default -> Response.text(200, describe(request));
        };
    }

    private InputStream counted(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                streamCloses.incrementAndGet();
                super.close();
            }
        };
    }

    static String describe(Request request) {
        StringBuilder text = new StringBuilder();
        text.append("method=").append(request.method()).append('\n');
        text.append("scheme=").append(request.scheme()).append('\n');
        text.append("version=").append(request.version()).append('\n');
        text.append("raw=").append(request.target().raw()).append('\n');
        text.append("rawPath=").append(request.target().rawPath()).append('\n');
        text.append("mountPath=").append(request.target().mountPath()).append('\n');
        text.append("path=").append(request.path()).append('\n');
        text.append("query=")
                .append(request.target().query().orElse("<absent>"))
                .append('\n');
        text.append("state=").append(request.state().get("greeting")).append('\n');
        text.append("client=").append(request.client()).append('\n');
        request.headers()
                .forEach((name, value) -> text.append("header ")
                        .append(name)
                        .append('=')
                        .append(value)
                        .append('\n'));
        return text.toString();
    }
}
