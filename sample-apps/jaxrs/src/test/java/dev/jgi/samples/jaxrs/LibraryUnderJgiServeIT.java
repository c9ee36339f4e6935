package dev.jgi.samples.jaxrs;

import dev.jgi.samples.testing.JgiProcess;
import io.restassured.specification.RequestSpecification;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
}
