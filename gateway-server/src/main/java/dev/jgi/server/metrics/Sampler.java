package dev.jgi.server.metrics;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The status page's history: once a second, the request count and the duration histogram of
 * {@link ServerMetrics} are read, exactly as {@code /metrics} would write them, and the difference
 * to the previous reading becomes one {@link Sample}: throughput and latency percentiles over that
 * second. The last ten minutes are kept.
 */
public final class Sampler implements AutoCloseable {

    /** How often a sample is taken. */
    public static final long PERIOD_MILLIS = 1000;

    private static final int KEPT = 600;

    /**
     * One second of the server's work.
     *
     * @param epochMillis when it was taken
     * @param total       requests ended since start, as {@code /metrics} counts them then
     * @param rate        requests ended per second since the previous sample
     * @param p50         median duration in seconds over that interval, NaN without requests
     * @param p90         90th percentile, seconds
     * @param p99         99th percentile, seconds
     */
    public record Sample(long epochMillis, long total, double rate, double p50, double p90, double p99) {}

    private final ServerMetrics metrics;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private final ScheduledExecutorService timer;
    private long[] lastBuckets;
    private long lastTotal;
    private long lastNanos;

    public Sampler(ServerMetrics metrics) {
        this.metrics = metrics;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("jgi-sampler").factory());
        sample();
        // Nothing waits on the schedule: sample() only reads counters, and close() ends it.
        var unused = timer.scheduleAtFixedRate(this::sample, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The samples kept, oldest first. */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    private synchronized void sample() {
        long now = System.nanoTime();
        long[] buckets = new long[ServerMetrics.BUCKETS.length + 1];
        for (HistogramSnapshot.HistogramDataPointSnapshot point :
                metrics.durations().getDataPoints()) {
            ClassicHistogramBuckets classic = point.getClassicBuckets();
            for (int i = 0; i < classic.size(); i++) {
                buckets[i] += classic.getCount(i);
            }
        }
        long total = 0;
        for (long count : buckets) {
            total += count;
        }
        if (lastBuckets != null) {
            long[] delta = new long[buckets.length];
            for (int i = 0; i < delta.length; i++) {
                delta[i] = buckets[i] - lastBuckets[i];
            }
            double seconds = (now - lastNanos) / 1e9;
            samples.addLast(new Sample(
                    System.currentTimeMillis(),
                    total,
                    (total - lastTotal) / seconds,
                    quantile(0.50, delta),
                    quantile(0.90, delta),
                    quantile(0.99, delta)));
            if (samples.size() > KEPT) {
                samples.removeFirst();
            }
        }
        lastBuckets = buckets;
        lastTotal = total;
        lastNanos = now;
    }

    /**
     * The {@code q} quantile of the observations counted in {@code counts} (one count per bucket of
     * {@link ServerMetrics#BUCKETS}, then +Inf), interpolated linearly inside its bucket as
     * Prometheus's {@code histogram_quantile} does; NaN without observations.
     */
    static double quantile(double q, long[] counts) {
        long n = 0;
        for (long count : counts) {
            n += count;
        }
        if (n == 0) {
            return Double.NaN;
        }
        double rank = q * n;
        long below = 0;
        double[] bounds = ServerMetrics.BUCKETS;
        for (int i = 0; i < counts.length; i++) {
            if (below + counts[i] >= rank && counts[i] > 0) {
                if (i == bounds.length) {
                    return bounds[bounds.length - 1];
                }
                double lower = i == 0 ? 0 : bounds[i - 1];
                return lower + (bounds[i] - lower) * (rank - below) / counts[i];
            }
            below += counts[i];
        }
        return bounds[bounds.length - 1];
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
