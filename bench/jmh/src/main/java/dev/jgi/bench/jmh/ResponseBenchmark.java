package dev.jgi.bench.jmh;

import dev.jgi.api.Body;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Building the {@link Response} values an application returns for every request. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResponseBenchmark {
    private final byte[] bytes = "Hello, World!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Benchmark
    public Response plaintext() {
        return Response.text(200, "Hello, World!");
    }

    @Benchmark
    public Response json() {
        return Response.json(200, "{\"message\":\"Hello, World!\"}");
    }

    @Benchmark
    public Response bytesWithHeaders() {
        return Response.of(
                200,
                Headers.of("content-type", "application/octet-stream", "cache-control", "no-store"),
                Body.of(bytes));
    }

    /** A response passed through two middlewares that each add a header. */
    @Benchmark
    public Response throughTwoMiddlewares() {
        return Response.text(200, "Hello, World!")
                .withHeader("x-request-id", "4bf92f3577b34da6")
                .plusHeader("vary", "accept-encoding");
    }
}
