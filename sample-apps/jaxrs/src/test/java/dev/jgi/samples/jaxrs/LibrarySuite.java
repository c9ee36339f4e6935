package dev.jgi.samples.jaxrs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The sample's behaviour, one suite for every host: each subclass says where the application runs
 * and hands the suite a REST Assured specification aimed at it.
 */
abstract class LibrarySuite {

    /** The librarian's token every host is started with. */
    static final String TOKEN = "suite-librarian-token";

    /** A request aimed at the host under test. */
    abstract RequestSpecification client();

    @Test
    void searchesByAuthorWithQueryParameters() {
        client().queryParam("author", "le guin")
                .queryParam("limit", 5)
                .get("/books")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("title", contains("The Left Hand of Darkness", "The Dispossessed"))
                .body("author", everyItem(equalTo("Ursula K. Le Guin")));
    }

    @Test
    void findsOneBookByItsPathParameter() {
        client().get("/books/1")
                .then()
                .statusCode(200)
                .body("id", equalTo(1))
                .body("title", equalTo("Dune"))
                .body("year", equalTo(1965));
    }

    @Test
    void anUnknownBookIsAProblemDocumentFromTheExceptionMapper() {
        client().get("/books/999999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no book 999999"));
    }

    @Test
    void anInvalidLimitIsA400Problem() {
        client().queryParam("limit", 0)
                .get("/books")
                .then()
                .statusCode(400)
                .body("detail", equalTo("limit must be 1 to 100"));
    }

    @Test
    void addingABookNeedsTheLibrariansToken() {
        String dune = "{\"title\":\"Children of Dune\",\"author\":\"Frank Herbert\",\"year\":1976}";
        client().contentType("application/json")
                .body(dune)
                .post("/books")
                .then()
                .statusCode(403);
        client().contentType("application/json")
                .header("authorization", "Bearer wrong")
                .body(dune)
                .post("/books")
                .then()
                .statusCode(403);

        Response added = client().contentType("application/json")
                .header("authorization", "Bearer " + TOKEN)
                .body(dune)
                .post("/books");
        added.then().statusCode(201).header("x-added-by", "librarian").body("title", equalTo("Children of Dune"));
        String location = added.header("location");
        assertThat(location).matches("http://[^/]+/books/\\d+");
        client().get(location.replaceFirst("http://[^/]+", ""))
                .then()
                .statusCode(200)
                .body("author", equalTo("Frank Herbert"));
    }

    @Test
    void malformedJsonIsRefusedWith400() {
        client().contentType("application/json")
                .header("authorization", "Bearer " + TOKEN)
                .body("{\"title\": ")
                .post("/books")
                .then()
                .statusCode(400);
    }

    @Test
    void theExportStreamsTheWholeCatalogueAsCsv() {
        Response export = client().get("/books/export");
        export.then().statusCode(200).contentType("text/csv");
        assertThat(export.header("content-length"))
                .as("over Jersey's length buffer: streamed")
                .isNull();
        String[] rows = export.asString().split("\n", -1);
        assertThat(rows[0]).isEqualTo("id,title,author,year");
        assertThat(rows[1]).isEqualTo("1,\"Dune\",\"Frank Herbert\",1965");
        assertThat(rows.length).isGreaterThanOrEqualTo(1 + 1003);
    }

    @Test
    void aReviewIsResumedFromAnotherThread() {
        client().get("/books/2/review")
                .then()
                .statusCode(200)
                .body("book", equalTo(2))
                .body("review", equalTo("The Left Hand of Darkness by Ursula K. Le Guin: worth reading."));
    }

    @Test
    void aFileDownloadsWhole() throws IOException {
        Response whole = client().get("/files/catalogue.txt");
        whole.then()
                .statusCode(200)
                .header("accept-ranges", "bytes")
                .header("content-length", Integer.toString(file().length));
        assertThat(whole.asByteArray()).isEqualTo(file());
    }

    @Test
    void aRangeDownloadsAs206WithItsContentRange() throws IOException {
        byte[] file = file();
        Response part = client().header("range", "bytes=100-199").get("/files/catalogue.txt");
        part.then().statusCode(206).header("content-range", "bytes 100-199/" + file.length);
        assertThat(part.asByteArray()).isEqualTo(Arrays.copyOfRange(file, 100, 200));

        Response tail = client().header("range", "bytes=-10").get("/files/catalogue.txt");
        tail.then().statusCode(206);
        assertThat(tail.asByteArray()).isEqualTo(Arrays.copyOfRange(file, file.length - 10, file.length));
    }

    @Test
    void aRangePastTheEndIs416() throws IOException {
        client().header("range", "bytes=999999-")
                .get("/files/catalogue.txt")
                .then()
                .statusCode(416)
                .header("content-range", "bytes */" + file().length);
    }

    @Test
    void anUnknownFileIs404() {
        client().get("/files/nothing.txt").then().statusCode(404);
    }

    @Test
    void theFeedSpeaksServerSentEvents() {
        client().queryParam("once", true)
                .get("/books/feed")
                .then()
                .statusCode(200)
                .contentType("text/event-stream")
                .body(matchesPattern("event: welcome\ndata: books: \\d+\n\n"));
    }

    @Test
    void anUnknownPathIs404AndAWrongMethod405() {
        client().get("/nothing").then().statusCode(404);
        client().delete("/books/1").then().statusCode(405);
    }

    private static byte[] file() throws IOException {
        try (InputStream in = LibrarySuite.class.getResourceAsStream("/files/catalogue.txt")) {
            return in.readAllBytes();
        }
    }

    /** For hosts that speak HTTP over a socket. */
    static RequestSpecification over(java.net.InetSocketAddress address) {
        return given().baseUri("http://" + address.getHostString()).port(address.getPort());
    }
}
