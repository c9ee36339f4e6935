package dev.jgi.assets.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentCodingTest {

    @Test
    void codingIsAcceptedWhenListedWithPositiveQuality() {
        assertThat(ContentCoding.GZIP.acceptedBy("gzip, deflate, br")).isTrue();
        assertThat(ContentCoding.BROTLI.acceptedBy("gzip, deflate, br")).isTrue();
        assertThat(ContentCoding.GZIP.acceptedBy("GZIP;q=0.5")).isTrue();
        assertThat(ContentCoding.GZIP.acceptedBy("x-gzip")).isTrue();
    }

    @Test
    void qualityZeroOrAbsenceRefusesTheCoding() {
        assertThat(ContentCoding.BROTLI.acceptedBy("br;q=0")).isFalse();
        assertThat(ContentCoding.BROTLI.acceptedBy("br; q=0.000")).isFalse();
        assertThat(ContentCoding.BROTLI.acceptedBy("gzip")).isFalse();
        assertThat(ContentCoding.BROTLI.acceptedBy("brotli")).isFalse();
        assertThat(ContentCoding.GZIP.acceptedBy("*")).isFalse();
        assertThat(ContentCoding.GZIP.acceptedBy("gzip;q=nonsense")).isFalse();
        assertThat(ContentCoding.GZIP.acceptedBy(null)).isFalse();
    }
}
