package dev.jgi.server.log;

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
 * The access-log line of one request, formatted on the I/O thread before the writer thread takes
 * it: a browser GET with a referer and a user agent, as the default (combined) and the JSON format
 * write it. Lives in the log's package because the formatting is internal to it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AccessLogBenchmark {
    private final AccessLog.Entry entry = new AccessLog.Entry(
            "127.0.0.1",
            "GET",
            "/search/caf%C3%A9?q=jgi&page=2",
            "HTTP/1.1",
            200,
            13,
            "https://example.com/",
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
            1_234,
            "4bf92f3577b34da6");

    /** The default format: combined, with duration and request id. */
    @Benchmark
    public String combinedLine() {
        return AccessLog.combined(entry);
    }

    /** {@code access-log-format = json}. */
    @Benchmark
    public String jsonLine() {
        return AccessLog.json(entry);
    }
}
