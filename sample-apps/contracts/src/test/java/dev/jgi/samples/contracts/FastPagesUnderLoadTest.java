package dev.jgi.samples.contracts;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.testing.EmbeddedServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * The claim of the sample: fast pages are served while 200 slow downloads are in flight. The
 * downloads are held on the server until every fast page was answered, so a server that
 * serialised requests could not answer them at all; no bound on time decides the test. The fast
 * page's latency alone and under the held downloads goes to {@code target/contracts-latency.txt}
 * as information (the benchmarks measure performance, not this test).
 */
class FastPagesUnderLoadTest {

    private static final int DOWNLOADS = 200;
    private static final int SAMPLES = 200;

    @Test
    void fastPagesAreAnsweredWhile200DownloadsAreHeldOnTheServer() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        Contracts app = new Contracts(held::await);
        try (EmbeddedServer server = EmbeddedServer.start(app);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
                HttpClient client = HttpClient.newBuilder()
                        .executor(threads)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build()) {
            try {
                assertFastPagesAnsweredWhileHeld(app, held, client, server);
            } finally {
                held.countDown();
            }
        }
    }

    private static void assertFastPagesAnsweredWhileHeld(
            Contracts app, CountDownLatch held, HttpClient client, EmbeddedServer server) throws Exception {
        measure(client, server, 100);
        long[] idle = measure(client, server, SAMPLES);

        List<CompletableFuture<HttpResponse<byte[]>>> downloads = new ArrayList<>();
        for (int i = 1; i <= DOWNLOADS; i++) {
            downloads.add(client.sendAsync(
                    HttpRequest.newBuilder(server.uri("/contracts/" + i + "/download"))
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        eventually(
                Duration.ofSeconds(30),
                () -> assertThat(app.downloadsInFlight())
                        .as("downloads waiting on the server")
                        .isEqualTo(DOWNLOADS));
        long[] loaded = measure(client, server, SAMPLES);
        int stillInFlight = app.downloadsInFlight();
        held.countDown();

        for (CompletableFuture<HttpResponse<byte[]>> download : downloads) {
            HttpResponse<byte[]> pdf = download.get(60, TimeUnit.SECONDS);
            assertThat(pdf.statusCode()).isEqualTo(200);
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                assertThat(document.getNumberOfPages()).isEqualTo(1);
            }
        }
        String report = String.format(
                Locale.ROOT,
                "contracts fast page (/contracts/{id}), %d sequential requests each, reference server on 127.0.0.1%n"
                        + "no load:                 p50 %.2f ms  p99 %.2f ms  max %.2f ms%n"
                        + "%d downloads in flight: p50 %.2f ms  p99 %.2f ms  max %.2f ms  (%d still in flight at the end)%n"
                        + "all %d downloads returned valid PDFs once released%n",
                SAMPLES,
                ms(idle, 50),
                ms(idle, 99),
                ms(idle, 100),
                DOWNLOADS,
                ms(loaded, 50),
                ms(loaded, 99),
                ms(loaded, 100),
                stillInFlight,
                DOWNLOADS);
        Files.writeString(Path.of("target", "contracts-latency.txt"), report);
        System.out.print(report);
        assertThat(stillInFlight)
                .as("the fast pages were answered while every download was waiting")
                .isEqualTo(DOWNLOADS);
    }

    private static long[] measure(HttpClient client, EmbeddedServer server, int count) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(server.uri("/contracts/" + (1000 + i)))
                    .timeout(Duration.ofSeconds(30))
                    .build();
            long started = System.nanoTime();
            HttpResponse<String> page = client.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - started;
            assertThat(page.statusCode()).isEqualTo(200);
        }
        Arrays.sort(nanos);
        return nanos;
    }

    /** The percentile by the nearest-rank method; 100 is the maximum. */
    private static double ms(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
