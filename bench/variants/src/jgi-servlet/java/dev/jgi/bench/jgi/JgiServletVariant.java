package dev.jgi.bench.jgi;

import dev.jgi.bench.VariantOptions;
import dev.jgi.bench.app.BenchApp;
import dev.jgi.servlet.JgiServlet;
import java.util.concurrent.Executors;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The JGI sync app through the servlet bridge, mapped to {@code /*} in Jetty 12.1 (EE 11) with the
 * same virtual-thread pool as the raw Jetty variant, so the two differ by the servlet layer and
 * the bridge alone.
 */
public final class JgiServletVariant {
    private JgiServletVariant() {}

    public static void main(String[] args) throws Exception {
        VariantOptions options = VariantOptions.parse(args);
        var threads = new QueuedThreadPool();
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        var server = new Server(threads);
        var connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(options.port());
        server.addConnector(connector);
        var context = new ServletContextHandler("/");
        var holder = new ServletHolder(new JgiServlet(new BenchApp()));
        holder.setInitOrder(0);
        context.addServlet(holder, "/*");
        server.setHandler(context);
        server.start();
        options.announce("jgi-servlet");
    }
}
