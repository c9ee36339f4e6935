package dev.jgi.server.log;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A real access log writing to a pipe nobody reads, with a short warning interval: while lines are
 * dropped it warns again and again, never more than once an interval, and its warnings and final
 * line add up to every dropped line. ({@code AccessLogDropsIT} covers the first warning of a real
 * server, whose interval is 10 s.)
 */
class AccessLogWarningsTest {

    private static final Duration INTERVAL = Duration.ofMillis(400);
    /** How long lines are logged after the first was dropped: several intervals. */
    private static final Duration DROPPING = Duration.ofMillis(2200);

    private static final Pattern REPEATED = Pattern.compile("\\((\\d+) times in the last \\d+ s\\)$");
    private static final Pattern FINAL =
            Pattern.compile("^the access log dropped (\\d+) lines \\(its queue was full\\), (\\d+) of them since");

    private static final AccessLog.Entry ENTRY =
            new AccessLog.Entry("127.0.0.1", "GET", "/", "HTTP/1.1", 200, 5, null, "probe", 120, "1-1");

    @Test
    void warnsAgainWhileLinesAreDroppedAtMostOnceAnIntervalAndTheCountsAddUp() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Pipe pipe = Pipe.open();
        AccessLog log = new AccessLog(false, Channels.newOutputStream(pipe.sink()), INTERVAL, warnings::add);
        long firstDrop = 0;
        long end = Long.MAX_VALUE;
        try {
            for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                for (int i = 0; i < 1000; i++) {
                    log.log(ENTRY);
                }
                if (firstDrop == 0 && log.dropped() > 0) {
                    firstDrop = now;
                    end = now + DROPPING.toNanos();
                }
                Thread.sleep(1);
            }
            long dropping = System.nanoTime() - firstDrop;
            long dropped = log.dropped();
            // Nobody reads the pipe: the writer stays blocked until its reading end closes.
            pipe.source().close();
            log.close();
            // The final line is written by close(), the others by the log's own thread, which may
            // still be writing the last of them.
            eventually(() -> {
                List<String> lines = List.copyOf(warnings);
                String last = lines.stream()
                        .filter(line -> FINAL.matcher(line).find())
                        .findFirst()
                        .orElseThrow();
                Matcher total = FINAL.matcher(last);
                assertThat(total.find()).isTrue();
                assertThat(Long.parseLong(total.group(1))).as(last).isEqualTo(dropped);
                List<String> repeats =
                        lines.stream().filter(line -> !line.equals(last)).toList();
                assertThat(reported(repeats) + Long.parseLong(total.group(2)))
                        .as("what the warnings %s and the final line report", repeats)
                        .isEqualTo(dropped);
                assertThat(repeats.size())
                        .as("warnings while lines were dropped for %d ms: %s", dropping / 1_000_000, repeats)
                        .isGreaterThanOrEqualTo(2)
                        .isLessThanOrEqualTo(1 + (int) (dropping / INTERVAL.toNanos()));
            });
        } finally {
            pipe.source().close();
            pipe.sink().close();
        }
    }

    /** What {@code warnings} report together: the first line one drop, each later line its count. */
    private static long reported(List<String> warnings) {
        assertThat(warnings.getFirst())
                .startsWith("the access log dropped a line")
                .doesNotContain("times");
        long reported = 1;
        for (String repeat : warnings.subList(1, warnings.size())) {
            Matcher count = REPEATED.matcher(repeat);
            assertThat(count.find()).as(repeat).isTrue();
            reported += Long.parseLong(count.group(1));
        }
        return reported;
    }
}
