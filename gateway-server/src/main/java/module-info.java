/**
 * The JGI reference server: hosts any {@link dev.jgi.api.Application} or
 * {@link dev.jgi.api.AsyncApplication} on Undertow, embedded ({@link dev.jgi.server.GatewayServer})
 * or as the {@code jgi} command. Only {@code dev.jgi.server} is exported, and its types name no
 * Undertow type, so Undertow is not required transitively.
 *
 * <p>The rest is internal, kept closed two ways. A class used only inside its package is
 * package-private. A class another internal package needs (each package's entry point: the
 * handler, the runtime, the log, the TLS setup) must be public, and so is reachable on a class
 * path; {@code bin/jgi} therefore runs this module on the module path, where these packages are
 * closed to applications, to reflection too. Merging the packages until every class could be
 * package-private would mix HTTP, TLS, WebSocket, logging and the command line in one package.
 */
module dev.jgi.server {
    exports dev.jgi.server;

    requires transitive dev.jgi.api;
    requires dev.jgi.kernel;
    // Undertow and XNIO ship without module descriptors: these are their automatic names.
    requires undertow.core;
    requires xnio.api;
    requires info.picocli;
    requires dev.jgi.assets;
    // Only jgi collect-static --to s3:// touches it (cli.CollectToBucket), so serving never loads the AWS SDK.
    requires dev.jgi.s3;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;
    requires java.logging;
    requires java.management;
    // HotSpotDiagnosticMXBean.dumpThreads: the admin thread dump, virtual threads included.
    requires jdk.management;
    requires io.prometheus.metrics.core;
    requires io.prometheus.metrics.model;
    requires io.prometheus.writer.text;
    requires io.prometheus.metrics.instrumentation.jvm;
    requires com.sun.jna;
    // sun.misc.Signal, by reflection (cli/Signals): SIGTERM and SIGINT shut down gracefully and exit 0.
    requires jdk.unsupported;

    // jgi serve APP.jar finds an app a jar provides as a service.
    uses dev.jgi.api.Application;
    uses dev.jgi.api.AsyncApplication;
}
