package dev.jgi.server.http;

import dev.jgi.api.Completion;
import dev.jgi.server.log.RequestLog;
import dev.jgi.server.metrics.ServerMetrics;
import dev.jgi.server.observe.ServerObserver;
import java.time.Duration;
import java.util.Optional;

import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.RequestTarget;
import dev.jgi.kernel.response.InvalidResponseException;
import dev.jgi.kernel.response.ResponseHead;
import dev.jgi.server.ServerConfig;
import dev.jgi.server.proxy.TrustedProxies;
import io.undertow.Undertow;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference server's per-request work on the I/O thread, on a real Undertow exchange: a browser
 * GET is sent once over a real socket, Undertow parses it, and the exchange is held open so every
 * iteration maps the same parsed request (and writes the response head into the same exchange,
 * never sending it). The connection's {@link HeadScanner} records the raw head, as the server's does
 * on every HTTP/1.1 connection, so the mapping takes the path a real request takes. Lives in the
 * server's package because these classes are internal to it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestMappingBenchmark {
    private static final String BROWSER_GET = """
            GET /search/caf%C3%A9?q=jgi&page=2 HTTP/1.1\r
            Host: example.com\r
            User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r
            Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r
            Accept-Language: en-US,en;q=0.5\r
            Accept-Encoding: gzip, deflate, br, zstd\r
            Connection: keep-alive\r
            Cookie: session=3f9a1c2e7b; theme=dark\r
            Upgrade-Insecure-Requests: 1\r
            Sec-Fetch-Dest: document\r
            Sec-Fetch-Mode: navigate\r
            \r
            """;

    private Undertow undertow;
    private Socket client;
    private HttpServerExchange exchange;
    private final ServerConfig config = ServerConfig.defaults();
    private final HeadCheck check = new HeadCheck(config);
    private final RequestMapper mapper = new RequestMapper(config.rootPath(),
            TrustedProxies.parse(config.forwardedAllowIps()), java.util.Set.of());
    private final Headers appHeaders = Headers.of("content-type", "text/plain; charset=utf-8",
            "cache-control", "no-store", "x-request-id", "4bf92f3577b34da6");
    private final ByteBuffer rawHead = ByteBuffer.wrap(BROWSER_GET.getBytes(StandardCharsets.US_ASCII));
    private HeadScanner scanner;
    private HeadInfo recorded;
    private String raw;
    private RequestTarget target;
    private Transport transport;
    private final ServerObserver requestLog = new RequestLog();
    private final ServerMetrics metrics = new ServerMetrics("bench", "1.0", "2.4");
    private final Completion done = new Completion(200, 13, Optional.empty(), Duration.ofNanos(850_000));

    @Setup
    public void receiveOneRealRequest() throws Exception {
        var held = new CompletableFuture<HttpServerExchange>();
        undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(ex -> {
            ex.dispatch(SameThreadExecutor.INSTANCE, () -> { });  // keeps the exchange open
            held.complete(ex);
        }).build();
        undertow.start();
        var address = (InetSocketAddress) undertow.getListenerInfo().getFirst().getAddress();
        client = new Socket(address.getAddress(), address.getPort());
        OutputStream out = client.getOutputStream();
        out.write(BROWSER_GET.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        exchange = held.get(10, TimeUnit.SECONDS);
        scanner = new HeadScanner(
                ((HttpServerConnection) exchange.getConnection()).getChannel().getSourceChannel().getConduit(),
                config.maxRequestLine(),
                config.maxHeaderSize(),
                config.maxHeaderCount(),
                config.maxFieldSize(),
                status -> {
                    throw new IllegalStateException("the benchmark's head was refused: " + status);
                });
        recorded = scanHead();
        raw = RequestMapper.rawTarget(exchange);
        target = ((Admission.Admitted) mapper.target(raw)).target();
        var fields = mapRequest().headers().asList();
        if (!fields.getFirst().name().equals("host") || !fields.getLast().name().equals("sec-fetch-mode")) {
            throw new IllegalStateException("the request was not mapped from the recorded head: " + fields);
        }
        transport = new Transport(exchange, "4bf92f3577b34da6", raw, System.nanoTime(), (t, c) -> { }, new ErrorPages(false, ServerObserver.NONE), new dev.jgi.kernel.hooks.Drain());
    }

    @TearDown
    public void stop() throws Exception {
        client.close();
        undertow.stop();
    }

    /**
     * The second look at the head's bytes, beside Undertow's parser: what the scanner records for
     * one request (order and exact values of the fields, the target as sent, malformations).
     */
    @Benchmark
    public HeadInfo scanHead() {
        scanner.seen(rawHead);
        return scanner.next();
    }

    /**
     * The same record taken as the server takes it, for every request (static files too): checked
     * against Undertow's parsed head and kept on the exchange, then read back by the handler.
     */
    @Benchmark
    public HeadInfo takeHead() {
        scanner.seen(rawHead);
        ExchangeHead.take(exchange, scanner);
        return ExchangeHead.of(exchange);
    }

    /** RFC 9112 checks on the parsed head (host, framing, field syntax). */
    @Benchmark
    public Object checkHead() {
        return check.check(exchange, RequestMapper.rawTarget(exchange));
    }

    /** Raw target, percent-decoding and the split at the mount. */
    @Benchmark
    public Object mapTarget() {
        return mapper.target(RequestMapper.rawTarget(exchange));
    }

    /**
     * The recorded head to JGI {@link Headers} (checked against Undertow's field count), addresses,
     * and the {@link Request} record: the HTTP/1.1 path.
     */
    @Benchmark
    public Request mapRequest() {
        return mapper.request(exchange, target, Map.of(), "4bf92f3577b34da6", recorded);
    }

    /**
     * The same without a recorded head (HTTP/2, or a connection whose scanner lost track): the
     * {@link Headers} are built field by field from Undertow's header map, in its order.
     */
    @Benchmark
    public Request mapRequestFromHeaderMap() {
        return mapper.request(exchange, target, Map.of(), "4bf92f3577b34da6", null);
    }

    /** Everything above, as the handler runs it before the application is called (HTTP/1.1). */
    @Benchmark
    public Request checkAndMapAll() {
        HeadInfo head = takeHead();
        if (head == null) {
            throw new IllegalStateException("the recorded head is not the parsed one");
        }
        check.check(exchange, head.target());
        return mapper.request(exchange, ((Admission.Admitted) mapper.target(head.target())).target(), Map.of(),
                "4bf92f3577b34da6", head);
    }

    /**
     * The application's response head into Undertow's: status, every field converted to Undertow's
     * header map, the content length. Writing the bytes is Undertow's own work, measured by wrk.
     */
    @Benchmark
    public Object commitResponseHead() {
        transport.commit(200, appHeaders, 13);
        exchange.getResponseHeaders().clear();
        return exchange;
    }

    /**
     * What every server pays to observe a request: the request log's context (request and trace
     * ids for log lines), set when the request starts.
     */
    @Benchmark
    public Object observeRequestLog() {
        requestLog.requestStarted(transport, exchange);
        requestLog.requestEnded(transport, exchange, done);
        return requestLog;
    }

    /**
     * What a server with the admin listener pays on top: the request counted in flight, its
     * connection marked, its duration in the histogram, its bytes counted, as the gateway calls it.
     */
    @Benchmark
    public Object observeMetrics() {
        metrics.requestStarted(transport, exchange);
        metrics.requestEnded(transport, exchange, done);
        return metrics;
    }

    /** The checks on the application's response head before it is written (hop-by-hop, framing): the kernel's. */
    @Benchmark
    public OptionalLong checkResponse() throws InvalidResponseException {
        return ResponseHead.check(200, appHeaders);
    }
}
