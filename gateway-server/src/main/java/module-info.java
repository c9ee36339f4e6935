/**
 * The JGI reference server: hosts any {@link dev.jgi.api.Application} or
 * {@link dev.jgi.api.AsyncApplication} on Undertow, embedded ({@link dev.jgi.server.GatewayServer})
 * or as the {@code jgi} command. Only {@code dev.jgi.server} is exported; the rest is internal.
 */
module dev.jgi.server {
    exports dev.jgi.server;

    requires transitive dev.jgi.api;
    // Undertow and XNIO ship without module descriptors: these are their automatic names.
    requires undertow.core;
    requires xnio.api;
    requires info.picocli;
    requires dev.jgi.assets;
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
    // sun.misc.Signal: SIGTERM and SIGINT shut down gracefully and exit 0.
    requires jdk.unsupported;

    // jgi serve APP.jar finds an app a jar provides as a service.
    uses dev.jgi.api.Application;
    uses dev.jgi.api.AsyncApplication;
}
