package dev.jgi.bench.app;

import dev.jgi.api.Application;
import dev.jgi.api.Body;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.bench.Workload;

/** The workload as a plain blocking JGI application, written the way an application author would. */
public final class BenchApp implements Application {
    private static final Headers OCTETS = Headers.of("content-type", "application/octet-stream");

    @Override
    public Response handle(Request request, Exchange exchange) throws Exception {
        return switch (request.path()) {
            case "/plaintext" -> Response.text(200, Workload.PLAINTEXT);
            case "/json" -> Response.json(200, Workload.json());
            case "/echo" -> Response.of(200, OCTETS, Body.of(exchange.body().readAllBytes()));
            case "/stream" ->
                Response.of(200, Headers.of("content-type", "text/plain"), Body.writer(out -> {
                    byte[] chunk = Workload.streamChunk();
                    for (int i = 0; i < Workload.STREAM_CHUNKS; i++) {
                        out.write(chunk);
                        out.flush();
                    }
                }));
            case "/sleep" -> {
                Thread.sleep(Workload.SLEEP);
                yield Response.text(200, "slept");
            }
            default -> Response.empty(404);
        };
    }
}
