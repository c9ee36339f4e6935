package dev.jgi.samples.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.JgiProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The shaded jar (PDFBox inside) under a real bin/jgi process. */
class ContractsJarIT {

    @Test
    void jarServesPagesAndRendersPdfsWithItsOwnPdfbox() throws Exception {
        try (JgiProcess server = JgiProcess.serve(
                        Path.of("target/contracts.jar"),
                        Path.of("target"),
                        Map.of("CONTRACTS_DOWNLOAD_DELAY_MS", "10"));
                HttpClient client = HttpClient.newHttpClient()) {
            assertThat(client.send(
                                    HttpRequest.newBuilder(server.uri("/contracts/5"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body())
                    .contains("<h1>Contract 5</h1>");
            HttpResponse<byte[]> pdf = client.send(
                    HttpRequest.newBuilder(server.uri("/contracts/5/download")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                assertThat(new PDFTextStripper().getText(document)).contains("Contract 5");
            }
        }
    }
}
