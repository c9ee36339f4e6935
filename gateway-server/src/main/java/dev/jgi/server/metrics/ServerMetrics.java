package dev.jgi.server.metrics;

import dev.jgi.api.Completion;
import dev.jgi.server.observe.ObservedRequest;
import dev.jgi.server.observe.ServerObserver;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.util.AttachmentKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The server's metrics in a Prometheus registry, fed by the request path as its
 * {@link ServerObserver}. Labels are route-independent by design: method class, status class and
 * which part answered, never a path, so a crawler cannot grow the number of series.
 *
 * <p>Data points are looked up once per label combination and kept in an array, so that one
 * observation costs a few adders and no map lookup or allocation.
 */
public final class ServerMetrics implements ServerObserver {

    /** The classic buckets of the duration histogram, seconds: half a millisecond to ten seconds. */
    static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    static final String DURATION = "jgi_http_request_duration_seconds";
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final String[] STATUS_CLASSES = {"aborted", "1xx", "2xx", "3xx", "4xx", "5xx"};
    private static final String[] HANDLERS = {"gateway", "static"};
    private static final AttachmentKey<ConnectionMark> MARK = AttachmentKey.create(ConnectionMark.class);

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Histogram duration;
    private final AtomicReferenceArray<DistributionDataPoint> durations =
            new AtomicReferenceArray<>(HANDLERS.length * (METHODS.size() + 1) * STATUS_CLASSES.length);
    private final CounterDataPoint received;
    private final CounterDataPoint sent;
    private final Counter serverAnswers;
    private final Counter staticAnswers;
    private final Counter connectionsOpened;
    private final Set<ObservedRequest> inFlight = ConcurrentHashMap.newKeySet();
    private final java.util.Map<ConnectionProtocol, LongAdder> openConnections =
            new java.util.EnumMap<>(ConnectionProtocol.class);

    /**
     * The metrics of one server; the arguments are label values of {@code jgi_build_info}.
     *
     * @param version         the server's version
     * @param specVersion     the JGI version it implements
     * @param undertowVersion the Undertow version it runs on
     */
    public ServerMetrics(String version, String specVersion, String undertowVersion) {
        for (ConnectionProtocol protocol : ConnectionProtocol.values()) {
            openConnections.put(protocol, new LongAdder());
        }
        duration = Histogram.builder()
                .name(DURATION)
                .help("Time from the request head to the end of the response, by method, status class and which "
                        + "part answered (the gateway: the app or the server's own answer; static: a static file)")
                .unit(Unit.SECONDS)
                .labelNames("method", "status", "handler")
                .classicOnly()
                .classicUpperBounds(BUCKETS)
                .withoutExemplars()
                .register(registry);
        Counter bytes = Counter.builder()
                .name("jgi_http_body_bytes")
                .help("Request body bytes read (in) and response bytes sent (out)")
                .unit(Unit.BYTES)
                .labelNames("direction")
                .withoutExemplars()
                .register(registry);
        received = bytes.labelValues("in");
        sent = bytes.labelValues("out");
        serverAnswers = Counter.builder()
                .name("jgi_http_server_responses")
                .help("Responses the server sent on its own behalf, by status: limits (408, 413, 414, 431), "
                        + "malformed requests (400), the in-flight cap and the request deadline (503), "
                        + "application failures (500)")
                .labelNames("status")
                .withoutExemplars()
                .register(registry);
        staticAnswers = Counter.builder()
                .name("jgi_static_responses")
                .help("Requests answered by the static files in front of the app: hit (200/206), not_modified (304), "
                        + "other (404, 405, 416)")
                .labelNames("result")
                .withoutExemplars()
                .register(registry);
        connectionsOpened = Counter.builder()
                .name("jgi_connections")
                .help("Connections that carried a request, by protocol; an upgraded HTTP/1.1 connection counts as "
                        + "websocket from its upgrade")
                .labelNames("protocol")
                .withoutExemplars()
                .register(registry);
        GaugeWithCallback.builder()
                .name("jgi_connections_open")
                .help("Open connections that carried a request, by protocol (http1, h2, websocket)")
                .labelNames("protocol")
                .callback(callback -> {
                    for (ConnectionProtocol protocol : ConnectionProtocol.values()) {
                        callback.call((double) openConnections.get(protocol).sum(), protocol.label());
                    }
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("jgi_http_requests_in_flight")
                .help("Requests whose exchange has begun and not ended")
                .callback(callback -> callback.call(inFlight.size()))
                .register(registry);
        Info.builder()
                .name("jgi_build_info")
                .help("The server's version, the JGI spec version, and the Undertow and Java versions it runs on")
                .labelNames("version", "spec", "undertow", "java")
                .register(registry)
                .setLabelValues(
                        version, specVersion, undertowVersion, Runtime.version().toString());
        JvmMetrics.builder().register(registry);
        VirtualThreads.register(registry);
    }

    /**
     * Exposes the access log's dropped lines, read from {@code dropped} at each scrape: the access
     * log opens after the metrics, with the listeners, and only when it is on.
     */
    public void countDroppedAccessLogLines(LongSupplier dropped) {
        CounterWithCallback.builder()
                .name("jgi_access_log_dropped_lines")
                .help(
                        "Access log lines dropped because its queue was full: its output (standard output or "
                                + "its file) did not keep up; every kind of line counts (app, static, the server's own answers)")
                .callback(callback -> callback.call((double) dropped.getAsLong()))
                .register(registry);
    }

    /** The registry /metrics writes. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** The requests in flight now, for the status page. */
    public List<ObservedRequest> inFlight() {
        return List.copyOf(inFlight);
    }

    /** Open connections of a protocol now. */
    public long openConnections(ConnectionProtocol protocol) {
        return openConnections.get(protocol).sum();
    }

    /** The duration histogram now, every label combination. */
    HistogramSnapshot durations() {
        return duration.collect();
    }

    @Override
    public boolean active() {
        return true;
    }

    @Override
    public void requestStarted(ObservedRequest request, HttpServerExchange exchange) {
        inFlight.add(request);
        ServerConnection connection = exchange.getConnection();
        if (connection.getAttachment(MARK) == null) {
            ConnectionMark mark = new ConnectionMark(
                    exchange.getProtocol().equals(io.undertow.util.Protocols.HTTP_2_0)
                            ? ConnectionProtocol.H2
                            : ConnectionProtocol.HTTP1);
            connection.putAttachment(MARK, mark);
            opened(mark.protocol);
            connection.addCloseListener(
                    closed -> openConnections.get(mark.protocol).decrement());
        }
    }

    @Override
    public void requestEnded(ObservedRequest request, HttpServerExchange exchange, Completion completion) {
        inFlight.remove(request);
        observe(
                0,
                exchange.getRequestMethod().toString(),
                completion.status(),
                completion.duration().toNanos());
        received.inc(request.bytesReceived());
        sent.inc(completion.bytesSent());
        if (completion.status() == 101) {
            ConnectionMark mark = exchange.getConnection().getAttachment(MARK);
            if (mark != null && mark.protocol == ConnectionProtocol.HTTP1) {
                // Runs on the connection's I/O thread, as does its close listener: no race on the mark.
                openConnections.get(mark.protocol).decrement();
                mark.protocol = ConnectionProtocol.WEBSOCKET;
                opened(mark.protocol);
            }
        }
    }

    @Override
    public void serverAnswered(int status) {
        serverAnswers.labelValues(Integer.toString(status)).inc();
    }

    @Override
    public void staticServed(HttpServerExchange exchange, long durationNanos) {
        int status = exchange.getStatusCode();
        observe(1, exchange.getRequestMethod().toString(), status, durationNanos);
        sent.inc(exchange.getResponseBytesSent());
        staticAnswers
                .labelValues(status == 200 || status == 206 ? "hit" : status == 304 ? "not_modified" : "other")
                .inc();
    }

    private void opened(ConnectionProtocol protocol) {
        openConnections.get(protocol).increment();
        connectionsOpened.labelValues(protocol.label()).inc();
    }

    private void observe(int handler, String method, int status, long nanos) {
        int m = METHODS.indexOf(method);
        if (m < 0) {
            m = METHODS.size();
        }
        int s = status < 100 || status > 599 ? 0 : status / 100;
        int slot = (handler * (METHODS.size() + 1) + m) * STATUS_CLASSES.length + s;
        DistributionDataPoint point = durations.get(slot);
        if (point == null) {
            point = duration.labelValues(
                    m < METHODS.size() ? METHODS.get(m) : "other", STATUS_CLASSES[s], HANDLERS[handler]);
            durations.set(slot, point);
        }
        point.observe(nanos / 1e9);
    }

    /** Which protocol a connection speaks now; changed only on the connection's I/O thread. */
    private static final class ConnectionMark {
        volatile ConnectionProtocol protocol;

        ConnectionMark(ConnectionProtocol protocol) {
            this.protocol = protocol;
        }
    }
}
