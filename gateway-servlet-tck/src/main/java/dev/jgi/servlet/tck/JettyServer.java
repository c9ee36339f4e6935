package dev.jgi.servlet.tck;

import dev.jgi.servlet.JgiServlet;
import dev.jgi.servlet.embedded.Deployment;
import dev.jgi.servlet.embedded.EmbeddedJetty;

/** The bridge in embedded Jetty 12.1 (EE 11), for the TCK: {@code jgi.tck.server=jetty}. */
public final class JettyServer extends ContainerServer {

    @Override
    public String name() {
        return "jetty";
    }

    @Override
    Deployment deploy(JgiServlet servlet, String mountPath) throws Exception {
        return EmbeddedJetty.start(servlet, mountPath);
    }
}
