package dev.jgi.samples.jaxrs;

import dev.jgi.api.AsyncApplication;
import dev.jgi.jaxrs.JerseyApplication;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * A small library's REST API in plain Jakarta REST, served by any JGI server through
 * {@link JerseyApplication}: {@code bin/jgi serve sample-apps/jaxrs/target/jaxrs.jar}.
 *
 * <p>The librarian's bearer token comes from {@code LIBRARY_TOKEN}.
 */
public final class Library extends ResourceConfig {

    /** The token when {@code LIBRARY_TOKEN} is unset: this is a demo. */
    static final String DEMO_TOKEN = "demo-librarian-token";

    public Library(String librarianToken) {
        Catalogue catalogue = Catalogue.seeded();
        register(new BooksResource(catalogue, new Subscribers()));
        register(FilesResource.class);
        register(JacksonFeature.class);
        register(new BearerTokens(librarianToken));
        register(RolesAllowedDynamicFeature.class);
        register(Problems.NotFound.class);
        register(Problems.Invalid.class);
    }

    /** The JGI application: the {@code JGI-App} entry point of the jar. */
    public static AsyncApplication application() {
        String token = System.getenv().getOrDefault("LIBRARY_TOKEN", DEMO_TOKEN);
        return new JerseyApplication(new Library(token));
    }
}
