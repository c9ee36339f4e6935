package dev.jgi.server.admin;

import static dev.jgi.server.log.JsonText.number;
import static dev.jgi.server.log.JsonText.quote;

import dev.jgi.server.metrics.ConnectionProtocol;
import dev.jgi.server.metrics.Sampler;
import dev.jgi.server.metrics.ServerMetrics;
import dev.jgi.server.observe.ObservedRequest;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What the status page shows, as one JSON document ({@code /status.json}): the server and its
 * settings, the sampled history (columns, as the charts take them), the requests in flight
 * oldest first, open connections and the JVM's memory and collections.
 */
final class StatusReport {

    private final String server;
    private final Map<String, String> settings;
    private final ServerMetrics metrics;
    private final Sampler sampler;

    /** @param settings the effective settings, secrets already hidden */
    StatusReport(String server, Map<String, String> settings, ServerMetrics metrics, Sampler sampler) {
        this.server = server;
        this.settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        this.metrics = metrics;
        this.sampler = sampler;
    }

    String json(boolean ready) {
        StringBuilder out = new StringBuilder(8192);
        long now = System.currentTimeMillis();
        out.append("{\"server\":{\"name\":")
                .append(quote(server))
                .append(",\"pid\":")
                .append(ProcessHandle.current().pid())
                .append(",\"started\":")
                .append(ManagementFactory.getRuntimeMXBean().getStartTime())
                .append(",\"now\":")
                .append(now)
                .append(",\"ready\":")
                .append(ready)
                .append(",\"samplePeriodMillis\":")
                .append(Sampler.PERIOD_MILLIS)
                .append("},\"settings\":{");
        String comma = "";
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            out.append(comma).append(quote(setting.getKey())).append(':').append(quote(setting.getValue()));
            comma = ",";
        }
        out.append("},\"samples\":{");
        List<Sampler.Sample> samples = sampler.samples();
        column(out, "t", samples, s -> s.epochMillis() / 1000.0);
        out.append(',');
        column(out, "total", samples, s -> s.total());
        out.append(',');
        column(out, "rate", samples, Sampler.Sample::rate);
        out.append(',');
        column(out, "p50", samples, s -> s.p50() * 1000);
        out.append(',');
        column(out, "p90", samples, s -> s.p90() * 1000);
        out.append(',');
        column(out, "p99", samples, s -> s.p99() * 1000);
        out.append("},\"inFlight\":[");
        long nanos = System.nanoTime();
        comma = "";
        List<ObservedRequest> inFlight = metrics.inFlight().stream()
                .sorted(Comparator.comparingLong(ObservedRequest::startNanos))
                .limit(200)
                .toList();
        for (ObservedRequest request : inFlight) {
            out.append(comma)
                    .append("{\"id\":")
                    .append(quote(request.requestId()))
                    .append(",\"method\":")
                    .append(quote(request.method()))
                    .append(",\"target\":")
                    .append(quote(request.target()))
                    .append(",\"ageMillis\":")
                    .append((nanos - request.startNanos()) / 1_000_000)
                    .append(",\"thread\":")
                    .append(quote(request.thread().map(StatusReport::describe).orElse("-")))
                    .append('}');
            comma = ",";
        }
        out.append("],\"inFlightCount\":").append(metrics.inFlight().size()).append(",\"connections\":{");
        comma = "";
        for (ConnectionProtocol protocol : ConnectionProtocol.values()) {
            out.append(comma).append(quote(protocol.label())).append(':').append(metrics.openConnections(protocol));
            comma = ",";
        }
        out.append("},\"jvm\":");
        jvm(out);
        return out.append('}').toString();
    }

    private static String describe(Thread thread) {
        String name = thread.getName();
        return thread.isVirtual() ? "virtual #" + thread.threadId() + (name.isEmpty() ? "" : " " + name) : name;
    }

    private static void column(
            StringBuilder out, String name, List<Sampler.Sample> samples, ToDoubleFunction<Sampler.Sample> value) {
        out.append(quote(name)).append(":[");
        for (int i = 0; i < samples.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(number(value.applyAsDouble(samples.get(i))));
        }
        out.append(']');
    }

    private static void jvm(StringBuilder out) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long collections = 0;
        long collectingMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, gc.getCollectionCount());
            collectingMillis += Math.max(0, gc.getCollectionTime());
        }
        out.append("{\"heapUsed\":")
                .append(heap.getUsed())
                .append(",\"heapCommitted\":")
                .append(heap.getCommitted())
                .append(",\"heapMax\":")
                .append(heap.getMax())
                .append(",\"gcCount\":")
                .append(collections)
                .append(",\"gcMillis\":")
                .append(collectingMillis)
                .append(",\"threads\":")
                .append(ManagementFactory.getThreadMXBean().getThreadCount())
                .append(",\"processors\":")
                .append(Runtime.getRuntime().availableProcessors())
                .append('}');
    }
}
