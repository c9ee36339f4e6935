package dev.jgi.bench.jmh;

import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.RequestTarget;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
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

/**
 * Mapping a parsed HTTP request to a JGI {@link Request} from raw values, as a server does for
 * every request: headers, target, addresses and the record itself.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestBenchmark {
    private final SocketAddress client = new InetSocketAddress("127.0.0.1", 53124);
    private final SocketAddress server = new InetSocketAddress("127.0.0.1", 8080);

    @Benchmark
    public Request mapBrowserGet() {
        Headers.Builder headers = Headers.builder();
        String[] fields = HeadersBenchmark.BROWSER_REQUEST;
        for (int i = 0; i < fields.length; i += 2) {
            headers.add(fields[i], fields[i + 1]);
        }
        var target = RequestTarget.of("/search?q=jgi", "/search", "/search", Optional.of("q=jgi"));
        return Request.builder()
                .method("GET")
                .scheme("http")
                .version("HTTP/1.1")
                .target(target)
                .headers(headers.build())
                .client(client)
                .server(server)
                .build();
    }

    /** What an application reads of that request: its path and two fields. */
    @Benchmark
    public Object readPathAndTwoFields() {
        Request request = mapBrowserGet();
        return request.path().length()
                + request.header("accept").orElse("").length()
                + request.header("cookie").orElse("").length();
    }
}
