package ${package};

import dev.jgi.api.Application;
import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import dev.jgi.api.Response;

/** The application: {@code jgi serve target/${artifactId}.jar}. The server runs each request on a virtual thread. */
public final class App implements Application {

    @Override
    public Response handle(Request request, Exchange exchange) {
        if (!request.path().equals("/")) {
            return Response.text(404, "Not found\n");
        }
        return Response.html(
                200,
                """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>${artifactId}</title>
                <link rel="stylesheet" href="/static/style.css"></head>
                <body><h1>${artifactId} runs on JGI</h1></body>
                </html>
                """);
    }
}
