package dev.jgi.samples.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.JgiProcess;
import io.restassured.specification.RequestSpecification;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The suite against the built jar under a real {@code bin/jgi serve} process, as the README runs it. */
class LibraryUnderJgiServeIT extends LibrarySuite {

    private static JgiProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = JgiProcess.serve(Path.of("target/jaxrs.jar"), Path.of("target"), Map.of("LIBRARY_TOKEN", TOKEN));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Override
    RequestSpecification client() {
        URI base = server.uri("/");
        return over(new InetSocketAddress(base.getHost(), base.getPort()));
    }

    @Test
    @Disabled("the reference server completes a pending receive with Disconnect only when the exchange ends,"
            + " not when the client leaves while the application waits (issue 14 item 4): enable with that fix")
    void everyFeedWhoseClientLeftIsClosedWithinASecond() throws Exception {
        assertThat(FeedLeaves.measure(new InetSocketAddress(
                        server.uri("/").getHost(), server.uri("/").getPort())))
                .isLessThanOrEqualTo(FeedLeaves.TARGET);
    }
}
