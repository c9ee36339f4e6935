package dev.jgi.assets.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** IMF-fixdate formatting and parsing (RFC 9110 §5.6.7), to the second. */
public final class HttpDates {

    // Not RFC_1123_DATE_TIME: that formatter writes one-digit days ("Mon, 3 Jun"), which IMF-fixdate forbids.
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private HttpDates() {}

    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /** The instant of an HTTP date; empty when the value is not a date in IMF-fixdate or RFC 1123 form. */
    public static Optional<Instant> parse(String value) {
        try {
            return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.strip())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
