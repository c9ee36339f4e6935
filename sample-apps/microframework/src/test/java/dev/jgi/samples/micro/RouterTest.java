package dev.jgi.samples.micro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Response;
import dev.jgi.samples.testing.EmbeddedServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The router on the real server: dispatch, parameters, 405, mounting and bounded parsing. */
class RouterTest {

    private static EmbeddedServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Router inner = Router.builder()
                .get(
                        "/",
                        c -> Response.text(
                                200, "inner root mount=" + c.request().target().mountPath()))
                .get(
                        "/items/{id}",
                        c -> Response.text(200, "item " + c.param("id") + " at " + c.url("/items/" + c.param("id"))))
                .build();
        Router app = Router.builder()
                .limits(new FormLimits(5, 64))
                .use((request, exchange, next) -> next.handle(request, exchange).withHeader("x-middleware", "ran"))
                .get("/posts/{id}", c -> Response.text(200, "post " + c.longParam("id")))
                .post(
                        "/posts/{id}",
                        c -> Response.text(
                                200,
                                "updated " + c.param("id") + " to " + c.form().require("title")))
                .get("/posts/{id}/comments/{n}", c -> Response.text(200, c.param("id") + "/" + c.param("n")))
                .get(
                        "/search",
                        c -> Response.text(
                                200,
                                "q=" + c.query().first("q").orElse("") + " tags="
                                        + c.query().all("tag")))
                .get("/cookies", c -> Response.text(200, "theme=" + c.cookies().getOrDefault("theme", "none")))
                .mount("/shop", inner)
                .build();
        server = EmbeddedServer.start(app);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void pathParametersAreCaptured() throws Exception {
        assertThat(get("/posts/42").body()).isEqualTo("post 42");
        assertThat(get("/posts/7/comments/3").body()).isEqualTo("7/3");
    }

    @Test
    void nonNumericIdIsNotFound() throws Exception {
        assertThat(get("/posts/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        assertThat(get("/nothing/here").statusCode()).isEqualTo(404);
    }

    @Test
    void wrongMethodGets405WithAllow() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(server.uri("/posts/1")).DELETE().build());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("GET, HEAD, POST");
    }

    @Test
    void headIsAnsweredByTheGetRoute() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.uri("/posts/5"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void middlewareSeesEveryResponse() throws Exception {
        assertThat(get("/posts/1").headers().firstValue("x-middleware")).hasValue("ran");
    }

    @Test
    void queryIsDecodedWithRepeats() throws Exception {
        assertThat(get("/search?q=caf%C3%A9+au+lait&tag=a&tag=b").body()).isEqualTo("q=café au lait tags=[a, b]");
    }

    @Test
    void malformedFormEscapeIs400() throws Exception {
        HttpResponse<String> response = post("/posts/9", "title=%zz");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("percent-encoding");
    }

    @Test
    void tooManyQueryFieldsIs400() throws Exception {
        assertThat(get("/search?a=1&b=2&c=3&d=4&e=5&f=6").statusCode()).isEqualTo(400);
    }

    @Test
    void formBodyIsParsed() throws Exception {
        assertThat(post("/posts/9", "title=Hello+there").body()).isEqualTo("updated 9 to Hello there");
    }

    @Test
    void formOverTheByteLimitIs413() throws Exception {
        assertThat(post("/posts/9", "title=" + "x".repeat(100)).statusCode()).isEqualTo(413);
    }

    @Test
    void formOfAnotherMediaTypeIs415() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.uri("/posts/9"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void missingFormFieldIs400() throws Exception {
        assertThat(post("/posts/9", "other=1").statusCode()).isEqualTo(400);
    }

    @Test
    void cookiesAreRead() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.uri("/cookies"))
                .header("cookie", "a=1; theme=\"dark\"; b=2")
                .build());
        assertThat(response.body()).isEqualTo("theme=dark");
    }

    @Test
    void mountedAppSeesItsPrefixAsMountPath() throws Exception {
        assertThat(get("/shop").body()).isEqualTo("inner root mount=/shop");
        assertThat(get("/shop/items/3").body()).isEqualTo("item 3 at /shop/items/3");
    }

    @Test
    void mountMatchesOnlyAtSegmentBoundary() throws Exception {
        assertThat(get("/shopping").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(server.uri(path)).build());
    }

    private static HttpResponse<String> post(String path, String form) throws Exception {
        return send(HttpRequest.newBuilder(server.uri(path))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
