package dev.jgi.samples.jaxrs;

import dev.jgi.jaxrs.JerseyApplication;
import dev.jgi.servlet.JgiServlet;
import dev.jgi.servlet.embedded.Deployment;
import dev.jgi.servlet.embedded.EmbeddedJetty;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The suite on embedded Jetty 12 through the servlet bridge. */
class LibraryOnJettyTest extends LibrarySuite {

    private static Deployment jetty;

    @BeforeAll
    static void start() throws Exception {
        jetty = EmbeddedJetty.start(new JgiServlet(new JerseyApplication(new Library(TOKEN))), "");
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
    }

    @Override
    RequestSpecification client() {
        return over(jetty.address());
    }
}
