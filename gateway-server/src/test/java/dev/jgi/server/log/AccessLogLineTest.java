package dev.jgi.server.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The access-log line of one exchange, in both formats, as the writer thread receives it. */
class AccessLogLineTest {

    private static AccessLog.Entry entry(String referer, String userAgent, long micros) {
        return new AccessLog.Entry(
                "127.0.0.1", "GET", "/a?b=\"c\"", "HTTP/1.1", 200, 13, referer, userAgent, micros, "4bf92f3577b34da6");
    }

    @Test
    void combinedLineWritesTheDurationAsMillisecondsWithThreeDecimals() {
        assertThat(AccessLog.combined(entry(null, null, 5))).endsWith("\" 200 13 \"-\" \"-\" 0.005ms 4bf92f3577b34da6");
        assertThat(AccessLog.combined(entry(null, null, 1_050))).endsWith(" 1.050ms 4bf92f3577b34da6");
        assertThat(AccessLog.combined(entry(null, null, 1_234_567))).endsWith(" 1234.567ms 4bf92f3577b34da6");
    }

    @Test
    void combinedLineEscapesQuotesInRefererAndUserAgent() {
        assertThat(AccessLog.combined(entry("https://x/\"q\"", "a\\b", 0)))
                .startsWith("127.0.0.1 - - [")
                .contains("] \"GET /a?b=\"c\" HTTP/1.1\" 200 13 \"https://x/\\\"q\\\"\" \"a\\\\b\" 0.000ms ");
    }

    @Test
    void jsonLineQuotesEveryStringAndWritesNullForAMissingField() {
        String line = AccessLog.json(entry(null, "ü\"", 12_345));
        assertThat(line).matches("\\{\"time\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\",.*");
        assertThat(line.substring(line.indexOf("\",\"client\"") + 2))
                .isEqualTo("\"client\":\"127.0.0.1\",\"method\":\"GET\",\"target\":\"/a?b=\\\"c\\\"\","
                        + "\"version\":\"HTTP/1.1\",\"status\":200,\"bytes\":13,\"referer\":null,"
                        + "\"user_agent\":\"\\u00fc\\\"\",\"duration_ms\":12.345,\"request_id\":\"4bf92f3577b34da6\"}");
    }
}
