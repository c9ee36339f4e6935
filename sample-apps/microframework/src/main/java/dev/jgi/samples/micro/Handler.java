package dev.jgi.samples.micro;

import dev.jgi.api.Response;

/** The code of one route: a {@link Context} in, a response out. */
@FunctionalInterface
public interface Handler {

    Response handle(Context context) throws Exception;
}
