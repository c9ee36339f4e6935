package dev.jgi.docs.guide;

// #region app
import dev.jgi.api.Application;
import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import dev.jgi.api.Response;

/** Greets whoever the path names: GET /hello/Ada answers "Hello, Ada!". */
public final class Greeting implements Application {

    @Override
    public Response handle(Request request, Exchange exchange) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return Response.text(405, "Only GET here\n").withHeader("allow", "GET, HEAD");
        }
        if (!request.path().startsWith("/hello/") || request.path().length() == "/hello/".length()) {
            return Response.text(404, "Try /hello/YOUR-NAME\n");
        }
        String name = request.path().substring("/hello/".length());
        return Response.text(200, "Hello, " + name + "!\n");
    }
}
// #endregion app
