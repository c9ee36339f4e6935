package dev.jgi.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathDecoderTest {

    @Test
    void percentEscapesDecodeAsUtf8() throws Refusal {
        assertThat(PathDecoder.decode("/caf%C3%A9/a%20b")).isEqualTo("/café/a b");
    }

    @Test
    void encodedSlashAndPercentStayEncodedInUpperCase() throws Refusal {
        assertThat(PathDecoder.decode("/a%2fb/c%2Fd/100%25")).isEqualTo("/a%2Fb/c%2Fd/100%25");
    }

    @Test
    void dotSegmentsAreRemovedAlsoWhenEncoded() throws Refusal {
        assertThat(PathDecoder.decode("/a/./b/../c")).isEqualTo("/a/c");
        assertThat(PathDecoder.decode("/a/%2e%2E/b")).isEqualTo("/b");
        assertThat(PathDecoder.decode("/a/b/..")).isEqualTo("/a/");
        assertThat(PathDecoder.decode("/a/.")).isEqualTo("/a/");
    }

    @Test
    void anEncodedSlashIsNotASegmentBoundaryForDotSegments() throws Refusal {
        assertThat(PathDecoder.decode("/a/..%2F..%2Fb")).isEqualTo("/a/..%2F..%2Fb");
    }

    @Test
    void emptySegmentsAreKept() throws Refusal {
        assertThat(PathDecoder.decode("//a//b/")).isEqualTo("//a//b/");
    }

    @Test
    void climbingAboveTheRootIsRefusedWith400() {
        assertThatThrownBy(() -> PathDecoder.decode("/a/../../etc"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("JGI-PATH-8")
                .extracting(e -> ((Refusal) e).status())
                .isEqualTo(400);
    }

    @Test
    void malformedEscapesAreRefusedWith400() {
        for (String raw : new String[] {"/a%G1", "/a%", "/a%4"}) {
            assertThatThrownBy(() -> PathDecoder.decode(raw))
                    .as(raw)
                    .isInstanceOf(Refusal.class)
                    .hasMessageContaining("JGI-PATH-6");
        }
    }

    @Test
    void invalidUtf8IsRefusedWith400() {
        for (String raw : new String[] {"/%C3%28", "/%FF", "/%E2%82"}) {
            assertThatThrownBy(() -> PathDecoder.decode(raw))
                    .as(raw)
                    .isInstanceOf(Refusal.class)
                    .hasMessageContaining("JGI-PATH-6");
        }
    }

    @Test
    void rawOctetsAboveAsciiAreTakenAsTheBytesReceived() throws Refusal {
        String received = new String(
                "/é".getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(PathDecoder.decode(received)).isEqualTo("/é");
    }
}
