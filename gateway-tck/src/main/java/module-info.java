/**
 * The JGI TCK: the server suite (tests in {@code dev.jgi.tck.server}, run against a server through
 * {@link dev.jgi.tck.spi.ServerUnderTest} or an external endpoint), the probe applications it
 * deploys, the application suite ({@code dev.jgi.tck.app}: an application under the validator in
 * an awkward in-process harness), and the report.
 *
 * <p>Exported is what vendors and framework authors use: the SPI, the runner ({@code launch}), the
 * report it returns, the probes (deployed by hand in external mode), the application suite, and the
 * strict raw HTTP/1.1 client with its self-signed TLS material ({@code wire}), which vendors' own
 * tests and this project's tests use. The kit the suite's own tests are written with ({@code dev.jgi.tck}, {@code run}) is
 * not exported. The module is open because JUnit instantiates and reflects on the tests it ships.
 */
// Error Prone's NotJavadoc takes the javadoc of an open module for a stray comment.
@SuppressWarnings("NotJavadoc")
open module dev.jgi.tck {
    requires transitive dev.jgi.api;
    // The report judges by the clause list of the specification's jar, and names its types.
    requires transitive dev.jgi.spec;
    requires dev.jgi.validator;
    requires dev.jgi.harness;
    requires org.junit.jupiter.api;
    // TckLauncher's result carries JUnit's execution summary.
    requires transitive org.junit.platform.launcher;
    requires org.junit.platform.reporting;
    requires org.assertj.core;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    // The application suite's JUnit XML.
    requires java.xml;
    // The HTTP/2 client's HPACK decoder and the field types it returns.
    requires org.eclipse.jetty.http2.hpack;
    requires org.eclipse.jetty.http;

    exports dev.jgi.tck.spi;
    exports dev.jgi.tck.launch;
    exports dev.jgi.tck.report;
    exports dev.jgi.tck.probe;
    exports dev.jgi.tck.app;
    exports dev.jgi.tck.wire;

    uses dev.jgi.tck.spi.ServerUnderTest;
}
