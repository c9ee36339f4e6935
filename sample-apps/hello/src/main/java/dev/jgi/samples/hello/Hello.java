package dev.jgi.samples.hello;

import dev.jgi.api.Application;
import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import dev.jgi.api.Response;

/** The smallest sync JGI application: {@code bin/jgi serve sample-apps/hello/target/hello.jar}. */
public final class Hello implements Application {

    @Override
    public Response handle(Request request, Exchange exchange) {
        return Response.text(200, "Hello, world! You asked for " + request.path() + "\n");
    }
}
