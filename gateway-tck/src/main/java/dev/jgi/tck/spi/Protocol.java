package dev.jgi.tck.spi;

import java.util.Arrays;
import java.util.Locale;

/**
 * A protocol the server suite can speak to a server. Every server test runs once per protocol the
 * server declares in {@link ServerUnderTest#protocols()}, except those marked HTTP/1.1-only.
 */
public enum Protocol {
    /** HTTP/1.1 over cleartext TCP, the listener of {@link ServerUnderTest#start}. */
    HTTP_1_1("http/1.1"),
    /** HTTP/2 over TLS chosen by ALPN, the listener of {@link ServerUnderTest#startSecure} [JGI-H2-1]. */
    H2("h2"),
    /** HTTP/2 with prior knowledge over cleartext TCP, the listener of {@link ServerUnderTest#startH2c}. */
    H2C("h2c");

    private final String token;

    Protocol(String token) {
        this.token = token;
    }

    /** The name used in the report and the {@code jgi.tck.protocols} setting, as ALPN spells it. */
    public String token() {
        return token;
    }

    /** The protocol named {@code token}, case ignored. */
    public static Protocol of(String token) {
        String wanted = token.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> p.token.equals(wanted))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown protocol " + token + "; known: http/1.1, h2, h2c"));
    }
}
