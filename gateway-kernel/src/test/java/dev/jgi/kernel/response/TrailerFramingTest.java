package dev.jgi.kernel.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Headers;
import org.junit.jupiter.api.Test;

class TrailerFramingTest {

    @Test
    void trailersTravelOverHttp11AndHttp2WithABody() {
        assertThat(TrailerFraming.travel("HTTP/1.1", "GET", 200)).isTrue();
        assertThat(TrailerFraming.travel("HTTP/2", "POST", 201)).isTrue();
    }

    @Test
    void trailersNeverTravelTowardHttp10OrWithoutABody() {
        assertThat(TrailerFraming.travel("HTTP/1.0", "GET", 200)).isFalse();
        assertThat(TrailerFraming.travel("HTTP/1.1", "HEAD", 200)).isFalse();
        assertThat(TrailerFraming.travel("HTTP/2", "GET", 204)).isFalse();
        assertThat(TrailerFraming.travel("HTTP/1.1", "GET", 304)).isFalse();
    }

    @Test
    void onlyHttp11IsForcedToChunk() {
        assertThat(TrailerFraming.chunks("HTTP/1.1", "GET", 200)).isTrue();
        assertThat(TrailerFraming.chunks("HTTP/2", "GET", 200)).isFalse();
        assertThat(TrailerFraming.chunks("HTTP/1.1", "HEAD", 200)).isFalse();
    }

    @Test
    void earlyHintsReachEveryVersionButHttp10() {
        assertThat(TrailerFraming.earlyHintsReach("HTTP/1.1")).isTrue();
        assertThat(TrailerFraming.earlyHintsReach("HTTP/2")).isTrue();
        assertThat(TrailerFraming.earlyHintsReach("HTTP/1.0")).isFalse();
    }

    @Test
    void sizeCountsFieldLinesAsWritten() {
        assertThat(TrailerFraming.size(Headers.of())).isZero();
        assertThat(TrailerFraming.size(Headers.of("x-sum", "42", "x-a", "b")))
                .isEqualTo(("x-sum: 42\r\n" + "x-a: b\r\n").length());
    }
}
