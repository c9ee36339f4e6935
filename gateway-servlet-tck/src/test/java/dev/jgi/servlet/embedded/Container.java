package dev.jgi.servlet.embedded;

import dev.jgi.servlet.JgiServlet;

/** The containers every bridge test runs on. */
enum Container {
    JETTY,
    TOMCAT;

    Deployment start(JgiServlet servlet, String mountPath) throws Exception {
        return switch (this) {
            case JETTY -> EmbeddedJetty.start(servlet, mountPath);
            case TOMCAT -> EmbeddedTomcat.start(servlet, mountPath);
        };
    }
}
