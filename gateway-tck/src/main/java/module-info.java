/**
 * The JGI TCK: the server suite (tests in {@code dev.jgi.tck.server}, run against a server through
 * {@link dev.jgi.tck.spi.ServerUnderTest} or an external endpoint), the probe applications it
 * deploys, the application suite ({@code dev.jgi.tck.app}: an application under the validator in
 * an awkward in-process harness), and the report. Open, because JUnit instantiates and reflects on the tests it ships.
 */
open module dev.jgi.tck {
    requires transitive dev.jgi.api;
    // The report judges by the clause list of the specification's jar, and names its types.
    requires transitive dev.jgi.spec;
    requires dev.jgi.validator;
    requires dev.jgi.harness;
    requires transitive org.junit.jupiter.api;
    requires org.junit.platform.launcher;
    requires org.junit.platform.reporting;
    requires transitive org.assertj.core;
    requires transitive rest.assured;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;

    exports dev.jgi.tck;
    exports dev.jgi.tck.spi;
    exports dev.jgi.tck.probe;
    exports dev.jgi.tck.wire;
    exports dev.jgi.tck.report;
    exports dev.jgi.tck.run;
    exports dev.jgi.tck.launch;
    exports dev.jgi.tck.app;

    uses dev.jgi.tck.spi.ServerUnderTest;
}
