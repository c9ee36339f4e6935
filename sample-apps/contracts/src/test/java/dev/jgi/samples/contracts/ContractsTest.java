package dev.jgi.samples.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.testing.EmbeddedServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pages and the PDF, on the real server. */
class ContractsTest {

    private static EmbeddedServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedServer.start(new Contracts(Duration.ofMillis(50)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void contractPageNamesTheParties() throws Exception {
        HttpResponse<String> page = CLIENT.send(
                HttpRequest.newBuilder(server.uri("/contracts/17")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Contract 17</h1>").contains("/contracts/17/download");
    }

    @Test
    void downloadIsAPdfOfTheContract() throws Exception {
        HttpResponse<byte[]> pdf = CLIENT.send(
                HttpRequest.newBuilder(server.uri("/contracts/17/download")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("content-type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("content-disposition"))
                .hasValue("attachment; filename=\"contract-17.pdf\"");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Contract 17")
                    .contains("Vandelay Industries");
        }
    }

    @Test
    void unknownContractIsNotFound() throws Exception {
        for (String path : new String[] {"/contracts/0", "/contracts/abc", "/contracts/99999999999/download"}) {
            assertThat(CLIENT.send(
                                    HttpRequest.newBuilder(server.uri(path)).build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .as(path)
                    .isEqualTo(404);
        }
    }
}
