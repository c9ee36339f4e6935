package dev.jgi.jaxrs;

import dev.jgi.api.Request;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ResourceConfig;

/** What the container tests call: one resource per container feature. */
@Path("/")
public class Resources {

    /** The sinks of every SSE client, so a test can see which the container closed. */
    static final List<SseEventSink> SINKS = new CopyOnWriteArrayList<>();

    static final java.util.Map<Integer, SseEventSink> TAGGED = new java.util.concurrent.ConcurrentHashMap<>();

    static ResourceConfig config() {
        return new ResourceConfig(Resources.class);
    }

    @GET
    @Path("hello/{name}")
    @Produces(MediaType.TEXT_PLAIN)
    public String hello(
            @PathParam("name") String name, @QueryParam("greeting") @DefaultValue("Hello") String greeting) {
        return greeting + ", " + name + "!";
    }

    @GET
    @Path("uris")
    @Produces(MediaType.TEXT_PLAIN)
    public String uris(@Context UriInfo uris) {
        return uris.getBaseUri() + " " + uris.getRequestUri() + " " + uris.getPath();
    }

    @GET
    @Path("whoami")
    @Produces(MediaType.TEXT_PLAIN)
    public String whoami(@Context SecurityContext security, @Context ContainerRequestContext context) {
        Request jgi = (Request) context.getProperty(JerseyApplication.REQUEST_PROPERTY);
        return security.isSecure() + " " + jgi.client().getClass().getSimpleName();
    }

    /** Counts the body while it streams in; each read returns what one piece carried. */
    @POST
    @Path("count")
    @Produces(MediaType.TEXT_PLAIN)
    public String count(InputStream body) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            total += n;
        }
        return Long.toString(total);
    }

    /** {@code lines} lines, each flushed on its own. */
    @GET
    @Path("lines")
    @Produces(MediaType.TEXT_PLAIN)
    public StreamingOutput lines(@QueryParam("n") int lines) {
        return out -> {
            for (int i = 0; i < lines; i++) {
                out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        };
    }

    @GET
    @Path("boom")
    public String boom() {
        throw new IllegalStateException("the resource broke");
    }

    @GET
    @Path("bad-header")
    public Response badHeader() {
        return Response.ok("x").header("x-broken", "a\nb").build();
    }

    @GET
    @Path("later")
    @Produces(MediaType.TEXT_PLAIN)
    public void later(@Suspended AsyncResponse response) {
        Thread.ofVirtual().start(() -> response.resume("resumed on another thread"));
    }

    @GET
    @Path("never")
    public void never(@Suspended AsyncResponse response) {
        response.setTimeout(50, TimeUnit.MILLISECONDS);
    }

    /** One event, then the stream stays open until the client leaves. */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        SINKS.add(sink);
        sink.send(sse.newEvent("hello"));
    }

    /** One event, then the sink stays open, kept under its {@code id} for the test that leaves it. */
    @GET
    @Path("events/tagged")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void tagged(@Context SseEventSink sink, @Context Sse sse, @QueryParam("id") int id) {
        TAGGED.put(id, sink);
        sink.send(sse.newEvent("hello " + id));
    }

    /** {@code n} events, then the stream ends. */
    @GET
    @Path("events/finite")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void finite(@Context SseEventSink sink, @Context Sse sse, @QueryParam("n") int events) {
        Thread.ofVirtual().start(() -> {
            try (sink) {
                for (int i = 0; i < events; i++) {
                    sink.send(sse.newEvent("e" + i)).toCompletableFuture().join();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
