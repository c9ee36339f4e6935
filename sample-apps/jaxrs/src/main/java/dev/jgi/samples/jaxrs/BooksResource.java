package dev.jgi.samples.jaxrs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The catalogue's resources: search, one book, adding, a CSV export, reviews and a live feed. */
@Path("books")
@Produces(MediaType.APPLICATION_JSON)
public class BooksResource {

    private static final int MAX_LIMIT = 100;

    private final Catalogue catalogue;
    private final Subscribers subscribers;

    BooksResource(Catalogue catalogue, Subscribers subscribers) {
        this.catalogue = catalogue;
        this.subscribers = subscribers;
    }

    @GET
    public List<Book> search(
            @QueryParam("author") @DefaultValue("") String author, @QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
        return catalogue.search(author, limit);
    }

    @GET
    @Path("{id: [0-9]+}")
    public Book one(@PathParam("id") long id) {
        return catalogue.find(id).orElseThrow(() -> new Problems.BookNotFound(id));
    }

    /** Adds a book: librarians only; announces it to every live feed. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(BearerTokens.LIBRARIAN)
    public Response add(Book book, @Context UriInfo uris, @Context SecurityContext security, @Context Sse sse) {
        Book stored = catalogue.add(book);
        subscribers.broadcast(sse.newEventBuilder()
                .name("book-added")
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Book.class, stored)
                .build());
        return Response.created(uris.getAbsolutePathBuilder()
                        .path(Long.toString(stored.id()))
                        .build())
                .header("x-added-by", security.getUserPrincipal().getName())
                .entity(stored)
                .build();
    }

    /** The whole catalogue as CSV, written row by row as the client takes it. */
    @GET
    @Path("export")
    @Produces("text/csv")
    public StreamingOutput export() {
        List<Book> books = catalogue.all();
        return out -> {
            Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            csv.write("id,title,author,year\n");
            for (Book book : books) {
                csv.write(book.id() + "," + quoted(book.title()) + "," + quoted(book.author()) + "," + book.year()
                        + "\n");
            }
            csv.flush();
        };
    }

    /** A review, written by a slow critic on another thread; 503 if the critic takes over 5 s. */
    @GET
    @Path("{id: [0-9]+}/review")
    public void review(@PathParam("id") long id, @Suspended AsyncResponse response) {
        Book book = catalogue.find(id).orElseThrow(() -> new Problems.BookNotFound(id));
        response.setTimeout(5, TimeUnit.SECONDS);
        Thread.ofVirtual()
                .name("critic")
                .start(() -> response.resume(Map.of(
                        "book", book.id(), "review", book.title() + " by " + book.author() + ": worth reading.")));
    }

    /**
     * Server-sent events: a welcome, then each book added, until the client leaves; with
     * {@code once}, the welcome alone.
     */
    @GET
    @Path("feed")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void feed(@Context SseEventSink sink, @Context Sse sse, @QueryParam("once") boolean once)
            throws java.io.IOException {
        sink.send(sse.newEventBuilder()
                .name("welcome")
                .data("books: " + catalogue.all().size())
                .build());
        if (once) {
            sink.close();
        } else {
            subscribers.add(sink);
        }
    }

    /** How many feeds are open: a feed whose client left counts no more, though nothing was sent to it. */
    @GET
    @Path("feed/open")
    public Map<String, Integer> openFeeds() {
        return Map.of("open", subscribers.open());
    }

    private static String quoted(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
