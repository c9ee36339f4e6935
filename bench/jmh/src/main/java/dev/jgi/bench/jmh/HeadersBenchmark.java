package dev.jgi.bench.jmh;

import dev.jgi.api.Headers;
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
 * {@link Headers} as a server uses it on every request: built from the fields of a typical browser
 * request, then looked up by the application.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HeadersBenchmark {
    /** The fields of a typical browser GET, as names and values arrive off the wire. */
    static final String[] BROWSER_REQUEST = {
        "Host", "example.com",
        "User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "Accept-Language", "en-US,en;q=0.5",
        "Accept-Encoding", "gzip, deflate, br, zstd",
        "Connection", "keep-alive",
        "Cookie", "session=3f9a1c2e7b; theme=dark",
        "Upgrade-Insecure-Requests", "1",
        "Sec-Fetch-Dest", "document",
        "Sec-Fetch-Mode", "navigate",
    };

    private final Headers built = Headers.of(BROWSER_REQUEST);

    @Benchmark
    public Headers buildFromRequestFields() {
        Headers.Builder builder = Headers.builder();
        for (int i = 0; i < BROWSER_REQUEST.length; i += 2) {
            builder.add(BROWSER_REQUEST[i], BROWSER_REQUEST[i + 1]);
        }
        return builder.build();
    }

    /** A name near the end, spelled in another case: the worst ordinary lookup. */
    @Benchmark
    public Object lookupLateFieldIgnoringCase() {
        return built.first("sec-fetch-mode");
    }

    @Benchmark
    public Object lookupMissingField() {
        return built.first("authorization");
    }

    /** What middleware does to a response: replace one field, add another. */
    @Benchmark
    public Headers withThenPlus() {
        return built.with("connection", "close").plus("vary", "accept-encoding");
    }
}
