package dev.jgi.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.testing.Browser;
import dev.jgi.testing.JgiProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin listener's live status page in headless Chromium while wrk loads the app: two
 * screenshots ({@code target/screenshots/status-page-1.png} and {@code -2.png}) whose plotted
 * values differ, and the request count the page plots lies between two reads of {@code /metrics}
 * taken around it.
 */
class StatusPageIT {

    private static final Path JAR = Path.of("target/hello.jar").toAbsolutePath();
    private static final Pattern ADMIN = Pattern.compile("status page (http://[0-9.]+:\\d+)/");
    private static final Pattern COUNT =
            Pattern.compile("(?m)^jgi_http_request_duration_seconds_count\\{[^}]*handler=\"gateway\"[^}]*} (\\d+)$");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path site;

    @Test
    void thePlotsMoveWithTheLoadAndAgreeWithMetrics() throws Exception {
        try (JgiProcess server = JgiProcess.serve(JAR, site, Map.of(), "--admin-bind", "0", "--access-log", "off");
                Browser browser = Browser.start()) {
            Matcher admin = ADMIN.matcher(server.output());
            assertThat(admin.find()).as(server.output()).isTrue();
            URI status = URI.create(admin.group(1) + "/");
            Process wrk = new ProcessBuilder(
                            "wrk", "-t1", "-c8", "-d60s", server.uri("/").toString())
                    .redirectErrorStream(true)
                    .start();
            try {
                browser.driver().get(status.toString());
                JavascriptExecutor page = (JavascriptExecutor) browser.driver();
                WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
                wait.until(driver -> number(page.executeScript(
                                "const s = window.jgiStatus.last; return s && s.samples.rate.length >= 3"
                                        + " ? s.samples.rate[s.samples.rate.length - 1] : 0"))
                        > 0);
                Reading first = read(page, status, wait);
                Path one = browser.screenshot("status-page-1");
                long firstPoints = first.points();
                wait.until(driver -> plotted(page).size() >= firstPoints + 2);
                Reading second = read(page, status, wait);
                Path two = browser.screenshot("status-page-2");

                assertThat(second.total()).isGreaterThan(first.total());
                assertThat(second.plotted()).isNotEqualTo(first.plotted());
                assertThat(Files.mismatch(one, two))
                        .as("the two screenshots differ")
                        .isNotEqualTo(-1L);
                for (Reading reading : List.of(first, second)) {
                    assertThat(reading.total()).isBetween(reading.metricsBefore(), reading.metricsAfter());
                }
            } finally {
                wrk.destroy();
                wrk.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * What the page shows now, bracketed by two reads of /metrics: the page's newest sample is taken
     * after the first read (the test waits for it), and read before the second.
     */
    private static Reading read(JavascriptExecutor page, URI status, WebDriverWait wait) throws Exception {
        long before = metricsCount(status);
        double after = System.currentTimeMillis() / 1000.0;
        wait.until(driver ->
                number(page.executeScript("return Number(document.getElementById('total').dataset.sampleTime || 0)"))
                        > after);
        long total = (long) number(page.executeScript("return Number(document.getElementById('total').textContent)"));
        List<Double> plotted = plotted(page);
        long later = metricsCount(status);
        return new Reading(before, total, later, plotted);
    }

    /** The throughput chart's plotted values, as uPlot holds them. */
    @SuppressWarnings("unchecked")
    private static List<Double> plotted(JavascriptExecutor page) {
        List<Object> values = (List<Object>) page.executeScript("return window.jgiStatus.charts.throughput.data[1]");
        return values.stream().map(StatusPageIT::number).toList();
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    private static long metricsCount(URI status) throws Exception {
        String text = CLIENT.send(
                        HttpRequest.newBuilder(status.resolve("/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher line = COUNT.matcher(text);
        long sum = 0;
        while (line.find()) {
            sum += Long.parseLong(line.group(1));
        }
        return sum;
    }

    private record Reading(long metricsBefore, long total, long metricsAfter, List<Double> plotted) {
        long points() {
            return plotted.size();
        }

        @Override
        public String toString() {
            return metricsBefore + " <= " + total + " <= " + metricsAfter + " " + Arrays.toString(plotted.toArray());
        }
    }
}
