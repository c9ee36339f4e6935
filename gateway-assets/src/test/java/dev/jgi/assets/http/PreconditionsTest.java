package dev.jgi.assets.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PreconditionsTest {

    private static final String ETAG = "\"abc\"";
    private static final Instant MODIFIED = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void ifNoneMatchUsesWeakComparisonOverAList() {
        assertThat(Preconditions.notModified("\"abc\"", null, ETAG, MODIFIED)).isTrue();
        assertThat(Preconditions.notModified("W/\"abc\"", null, ETAG, MODIFIED)).isTrue();
        assertThat(Preconditions.notModified("\"x\", \"abc\"", null, ETAG, MODIFIED))
                .isTrue();
        assertThat(Preconditions.notModified("*", null, ETAG, MODIFIED)).isTrue();
        assertThat(Preconditions.notModified("\"abcd\"", null, ETAG, MODIFIED)).isFalse();
        assertThat(Preconditions.notModified("abc", null, ETAG, MODIFIED)).isFalse();
    }

    @Test
    void ifModifiedSinceCountsOnlyWithoutIfNoneMatch() {
        String same = HttpDates.format(MODIFIED);
        assertThat(Preconditions.notModified(null, same, ETAG, MODIFIED)).isTrue();
        assertThat(Preconditions.notModified("\"other\"", same, ETAG, MODIFIED)).isFalse();
        assertThat(Preconditions.notModified(null, HttpDates.format(MODIFIED.minusSeconds(1)), ETAG, MODIFIED))
                .isFalse();
        assertThat(Preconditions.notModified(null, "yesterday", ETAG, MODIFIED)).isFalse();
    }

    @Test
    void ifRangeAllowsTheRangeOnlyForTheCurrentValidator() {
        assertThat(Preconditions.rangeAllowed(null, ETAG, MODIFIED)).isTrue();
        assertThat(Preconditions.rangeAllowed(ETAG, ETAG, MODIFIED)).isTrue();
        assertThat(Preconditions.rangeAllowed("W/\"abc\"", ETAG, MODIFIED)).isFalse();
        assertThat(Preconditions.rangeAllowed(HttpDates.format(MODIFIED), ETAG, MODIFIED))
                .isTrue();
        assertThat(Preconditions.rangeAllowed(HttpDates.format(MODIFIED.plusSeconds(5)), ETAG, MODIFIED))
                .isFalse();
    }

    @Test
    void httpDatesUseTwoDigitDays() {
        assertThat(HttpDates.format(Instant.parse("2026-06-03T00:00:00Z"))).isEqualTo("Wed, 03 Jun 2026 00:00:00 GMT");
        assertThat(HttpDates.parse("Wed, 03 Jun 2026 00:00:00 GMT")).hasValue(Instant.parse("2026-06-03T00:00:00Z"));
    }
}
