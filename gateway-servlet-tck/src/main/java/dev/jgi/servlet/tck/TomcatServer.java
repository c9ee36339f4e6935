package dev.jgi.servlet.tck;

import dev.jgi.servlet.JgiServlet;
import dev.jgi.servlet.embedded.Deployment;
import dev.jgi.servlet.embedded.EmbeddedTomcat;
import java.util.Set;

/** The bridge in embedded Tomcat 11, for the TCK: {@code jgi.tck.server=tomcat}. */
public final class TomcatServer extends ContainerServer {

    /**
     * The request trailer fields the TCK's requests carry (TrailerTests, RequestBodyTests). Tomcat
     * keeps only listed names, as a deployer lists those its applications read [JGI-BODY-14].
     */
    private static final Set<String> TCK_REQUEST_TRAILERS = Set.of("x-sum", "x-count", "x-trailer");

    @Override
    public String name() {
        return "tomcat";
    }

    @Override
    Deployment deploy(JgiServlet servlet, String mountPath) throws Exception {
        return EmbeddedTomcat.start(servlet, mountPath, TCK_REQUEST_TRAILERS);
    }
}
