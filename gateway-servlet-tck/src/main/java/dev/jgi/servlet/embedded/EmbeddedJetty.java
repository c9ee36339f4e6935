package dev.jgi.servlet.embedded;

import dev.jgi.servlet.JgiServlet;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.ee11.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** A JGI servlet in embedded Jetty 12.1 (EE 11), on virtual threads. */
public final class EmbeddedJetty {

    private EmbeddedJetty() {}

    /**
     * Starts Jetty on 127.0.0.1 and a free port with {@code servlet} mapped under {@code mountPath}.
     *
     * @throws Exception when Jetty cannot start, including when the application's start failed
     *     [JGI-LIFE-3]: the exception carries the application's message
     */
    // tag::embed[]
    public static Deployment start(JgiServlet servlet, String mountPath) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        // Sync applications block in the servlet; virtual threads keep that from starving others [JGI-APP-2].
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // The bridge decodes the path itself and keeps %2F and %25 [JGI-PATH-7]; let them through.
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        // Jetty answers an HTTP/2.0 request line over HTTP/1.1 with 426; the spec asks 505 [JGI-REQ-11].
        server.setErrorHandler(new VersionErrorHandler());

        ServletContextHandler context = new ServletContextHandler("/");
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        // Jetty appends a charset it infers to these content types; the application's value is sent as set
        // [JGI-RESP-6].
        for (String type : new String[] {"text/html", "text/plain", "text/xml", "application/xhtml+xml"}) {
            context.getMimeTypes().addInferred(type, null);
        }
        ServletHolder holder = new ServletHolder("jgi", servlet);
        holder.setAsyncSupported(true);
        holder.setInitOrder(1);
        context.addServlet(holder, Deployment.mapping(mountPath));
        // Jakarta WebSocket, which the bridge offers async applications as the WEBSOCKET capability.
        JakartaWebSocketServletContainerInitializer.configure(context, null);
        server.setHandler(context);

        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        // Jetty marks a servlet whose init threw UnavailableException unavailable and starts anyway;
        // an embedder refuses to run without the application instead [JGI-LIFE-3].
        if (!holder.isAvailable() || servlet.startFailure().isPresent()) {
            server.stop();
            throw new IllegalStateException(servlet.startFailure().orElse("the JGI servlet is unavailable"));
        }
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", connector.getLocalPort());
        return new Deployment() {
            @Override
            public InetSocketAddress address() {
                return address;
            }

            @Override
            public void close() throws Exception {
                server.stop();
            }
        };
    }
    // end::embed[]
}
