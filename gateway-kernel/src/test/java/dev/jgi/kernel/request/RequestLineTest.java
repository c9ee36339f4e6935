package dev.jgi.kernel.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestLineTest {

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.0", "HTTP/1.1", "HTTP/1.2", "HTTP/1.9"})
    void http1GoesOn(String version) {
        assertThat(RequestLine.version(version)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/2.0", "HTTP/3.0", "HTTP/0.9", "HTTP/9.1"})
    void anotherMajorVersionIs505(String version) {
        assertThat(RequestLine.version(version)).isEqualTo(OptionalInt.of(505));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/2", "HTTP/1.10", "http/1.1", "HTTP/1,1", "HTTP/x.1", "HTTP/1.x", "HTTP/1.", ""})
    void aVersionThatIsNotHttpVersionSyntaxIs400(String version) {
        assertThat(RequestLine.version(version)).isEqualTo(OptionalInt.of(400));
    }

    @Test
    void connectIs501AndMethodsAreCaseSensitive() {
        assertThat(RequestLine.method("CONNECT")).isEqualTo(OptionalInt.of(501));
        assertThat(RequestLine.method("connect")).isEmpty();
        assertThat(RequestLine.method("GET")).isEmpty();
        assertThat(RequestLine.method("OPTIONS")).isEmpty();
    }
}
