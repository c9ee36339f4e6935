package dev.jgi.server.cli;

import dev.jgi.api.Application;
import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import dev.jgi.api.Response;

/**
 * The app of {@code jgi serve --static URL_PREFIX=DIR} without an APP: the static mounts answer
 * what they hold, and every other path gets 404.
 */
final class FilesOnly implements Application {

    static final String NAME = "static files only";

    @Override
    public Response handle(Request request, Exchange exchange) {
        return Response.text(404, "Not Found\n");
    }
}
