package dev.jgi.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.undertow.util.HttpString;
import io.undertow.util.Protocols;
import org.junit.jupiter.api.Test;

/** [JGI-REQ-3] What the application sees as the version of each protocol Undertow reports. */
class RequestVersionTest {

    @Test
    void http1MinorVersionsAboveOneAreServedAsHttp11NotReportedAsHttp2() {
        assertThat(RequestMapper.version(Protocols.HTTP_1_0)).isEqualTo("HTTP/1.0");
        assertThat(RequestMapper.version(Protocols.HTTP_1_1)).isEqualTo("HTTP/1.1");
        assertThat(RequestMapper.version(new HttpString("HTTP/1.2"))).isEqualTo("HTTP/1.1");
        assertThat(RequestMapper.version(Protocols.HTTP_2_0)).isEqualTo("HTTP/2");
    }

    @Test
    void anotherMajorVersionNeverReachesTheApplication() {
        assertThatThrownBy(() -> RequestMapper.version(new HttpString("HTTP/3.0")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JGI-REQ-11");
    }
}
