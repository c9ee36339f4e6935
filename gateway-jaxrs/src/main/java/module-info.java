/**
 * Jakarta REST on JGI: a Jersey 4 container that serves a JAX-RS {@code Application} as a JGI
 * {@link dev.jgi.api.AsyncApplication}, on the reference server, the servlet bridge or the harness.
 */
module dev.jgi.jaxrs {
    exports dev.jgi.jaxrs;

    requires transitive dev.jgi.api;
    requires transitive jakarta.ws.rs;
    requires transitive org.glassfish.jersey.core.server;
    requires org.glassfish.jersey.core.common;
    requires java.logging;
}
