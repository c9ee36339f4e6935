package dev.jgi.servlet.embedded;

import dev.jgi.servlet.JgiServlet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.websocket.server.WsSci;

/** A JGI servlet in embedded Tomcat 11, on virtual threads. */
public final class EmbeddedTomcat {

    private EmbeddedTomcat() {}

    /**
     * Starts Tomcat on 127.0.0.1 and a free port with {@code servlet} mapped under {@code mountPath}.
     *
     * @throws Exception when Tomcat cannot start, including when the application's start failed
     *     [JGI-LIFE-3]: the exception carries the application's message
     */
    public static Deployment start(JgiServlet servlet, String mountPath) throws Exception {
        return start(servlet, mountPath, Set.of());
    }

    /**
     * As {@link #start(JgiServlet, String)}, keeping the request trailer fields named in {@code
     * requestTrailers} [JGI-BODY-14]. Tomcat drops every request trailer field whose name its
     * connector's {@code allowedTrailerHeaders} does not list, and that list takes no wildcard, so
     * the names an application reads must be known here.
     *
     * @throws Exception when Tomcat cannot start, including when the application's start failed
     *     [JGI-LIFE-3]: the exception carries the application's message
     */
    // tag::embed[]
    public static Deployment start(JgiServlet servlet, String mountPath, Set<String> requestTrailers) throws Exception {
        Path base = Files.createTempDirectory("jgi-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());

        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        // Sync applications block in the servlet; virtual threads keep that from starving others [JGI-APP-2].
        connector.setProperty("useVirtualThreads", "true");
        // The bridge decodes the path itself and keeps %2F and %25 [JGI-PATH-7]; let them through.
        connector.setEncodedSolidusHandling("passthrough");
        // 100 Continue only when the application reads the body [JGI-BODY-4]; Tomcat's default is at once.
        connector.setProperty("continueResponseTiming", "onRead");
        // Tomcat answers a bare 400 for a head over its buffers; above them, the bridge answers 414
        // and 431 at its own limits [JGI-LIM-1] [JGI-LIM-2]. The buffer is allocated per connection.
        connector.setProperty("maxHttpHeaderSize", String.valueOf(2 * 1024 * 1024));
        connector.setProperty("maxHeaderCount", "-1");
        // Tomcat keeps only the request trailers named here, compared in lower case [JGI-BODY-14].
        connector.setProperty("allowedTrailerHeaders", String.join(",", requestTrailers));
        tomcat.setConnector(connector);
        // Tomcat's own error pages must not show exception messages or stack traces [JGI-ERR-1].
        ErrorReportValve errorPages = new ErrorReportValve();
        errorPages.setShowReport(false);
        errorPages.setShowServerInfo(false);
        tomcat.getHost().getPipeline().addValve(errorPages);

        Context context = tomcat.addContext("", base.toString());
        // A failing Lifespan.start fails the deployment instead of leaving a dead servlet [JGI-LIFE-3].
        ((StandardContext) context).setFailCtxIfServletStartFails(true);
        // Jakarta WebSocket, which the bridge offers async applications as the WEBSOCKET capability.
        context.addServletContainerInitializer(new WsSci(), null);
        Wrapper wrapper = Tomcat.addServlet(context, "jgi", servlet);
        wrapper.setAsyncSupported(true);
        wrapper.setLoadOnStartup(1);
        context.addServletMapping(Deployment.mapping(mountPath), "jgi");

        tomcat.start();
        if (context.getState() != LifecycleState.STARTED) {
            String reason = servlet.startFailure().orElse("the context did not start");
            stop(tomcat, base);
            throw new IllegalStateException(reason);
        }
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", connector.getLocalPort());
        return new Deployment() {
            @Override
            public InetSocketAddress address() {
                return address;
            }

            @Override
            public void close() throws Exception {
                stop(tomcat, base);
            }
        };
    }
    // end::embed[]

    private static void stop(Tomcat tomcat, Path base) throws Exception {
        tomcat.stop();
        tomcat.destroy();
        deleteTree(base);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
