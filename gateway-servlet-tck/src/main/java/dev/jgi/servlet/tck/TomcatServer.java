package dev.jgi.servlet.tck;

import dev.jgi.servlet.JgiServlet;
import dev.jgi.servlet.embedded.Deployment;
import dev.jgi.servlet.embedded.EmbeddedTomcat;

/** The bridge in embedded Tomcat 11, for the TCK: {@code jgi.tck.server=tomcat}. */
public final class TomcatServer extends ContainerServer {

    @Override
    public String name() {
        return "tomcat";
    }

    @Override
    Deployment deploy(JgiServlet servlet, String mountPath) throws Exception {
        return EmbeddedTomcat.start(servlet, mountPath);
    }
}
