package dev.jgi.bench.jgi;

import dev.jgi.bench.VariantOptions;
import dev.jgi.bench.app.BenchApp;
import dev.jgi.bench.raw.VirtualThreadJetty;
import dev.jgi.servlet.JgiServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;

/**
 * The JGI sync app through the servlet bridge, mapped to {@code /*} in Jetty 12.1 (EE 11) with the
 * same virtual-thread pool as the raw Jetty variant, so the two differ by the servlet layer and
 * the bridge alone.
 */
public final class JgiServletVariant {
    private JgiServletVariant() {}

    public static void main(String[] args) throws Exception {
        VariantOptions options = VariantOptions.parse(args);
        var server = VirtualThreadJetty.on(options.port());
        var context = new ServletContextHandler("/");
        var holder = new ServletHolder(new JgiServlet(new BenchApp()));
        holder.setInitOrder(0);
        context.addServlet(holder, "/*");
        server.setHandler(context);
        server.start();
        options.announce("jgi-servlet");
    }
}
