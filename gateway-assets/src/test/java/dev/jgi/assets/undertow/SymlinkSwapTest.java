package dev.jgi.assets.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.assets.AssetServer;
import dev.jgi.assets.Fixtures;
import dev.jgi.assets.UrlPrefix;
import dev.jgi.assets.index.AssetIndex;
import dev.jgi.assets.index.IndexOptions;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file kept on disk (above the inline limit) is opened per request; a symbolic link swapped in
 * after start-up, for the file or for a directory on its way, must not serve what it points at. Real
 * Undertow, real files and links in a temporary directory.
 */
class SymlinkSwapTest {

    /** Four times the default inline limit, so the file is opened per request. */
    private static final int SIZE = 256 * 1024;

    private static final byte[] INSIDE = Fixtures.random(SIZE, 1);
    /** A byte that the inside file's tail does not make likely: the outside file is all of it. */
    private static final byte[] OUTSIDE = "S".repeat(SIZE).getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path base;

    private Path root;
    private Path outside;
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("dev.jgi.assets.index.AssetRoot");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void files() throws Exception {
        root = base.resolve("root");
        outside = base.resolve("outside");
        Fixtures.write(root, "big.bin", INSIDE);
        Fixtures.write(root, "media/big.bin", INSIDE);
        Fixtures.write(outside, "big.bin", OUTSIDE);
        logger.addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        logger.removeHandler(capture);
    }

    /** In dev mode the lookup re-checks the link before the open is reached; the answer is the same. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFileSwappedForALinkOutOfTheRootIs404AndNotOneByteOfItsTarget(boolean devMode) throws Exception {
        try (AssetIndex index = AssetIndex.ofDirectories(
                        List.of(root), IndexOptions.defaults().withDevMode(devMode));
                AssetServer server = new AssetServer(new UrlPrefix("/static"), index)) {
            assertThat(server.get("/static/big.bin").body()).isEqualTo(INSIDE);

            Files.delete(root.resolve("big.bin"));
            Files.createSymbolicLink(root.resolve("big.bin"), outside.resolve("big.bin"));

            assertRefused(server.get("/static/big.bin"));
            assertRefused(server.get("/static/big.bin", "Range", "bytes=0-99"));
            if (!devMode) {
                assertThat(warnings)
                        .anySatisfy(record -> assertThat(record.getParameters())
                                .contains(root.toRealPath().resolve("big.bin")));
            }
        }
    }

    @Test
    void aDirectorySwappedForALinkOutOfTheRootIs404() throws Exception {
        try (AssetIndex index = AssetIndex.ofDirectories(List.of(root), IndexOptions.defaults());
                AssetServer server = new AssetServer(new UrlPrefix("/static"), index)) {
            assertThat(server.get("/static/media/big.bin").body()).isEqualTo(INSIDE);

            Files.delete(root.resolve("media/big.bin"));
            Files.delete(root.resolve("media"));
            Files.createSymbolicLink(root.resolve("media"), outside);

            assertRefused(server.get("/static/media/big.bin"));
            assertThat(warnings).isNotEmpty();
        }
    }

    @Test
    void inDevModeADirectoryRebuiltAfterItsFirstUseIsServedFromItsNewSelf() throws Exception {
        byte[] rebuilt = Fixtures.random(SIZE, 2);
        try (AssetIndex index = AssetIndex.ofDirectories(
                        List.of(root), IndexOptions.defaults().withDevMode(true));
                AssetServer server = new AssetServer(new UrlPrefix("/static"), index)) {
            assertThat(server.get("/static/media/big.bin").body()).isEqualTo(INSIDE);

            Files.delete(root.resolve("media/big.bin"));
            Files.delete(root.resolve("media"));
            Fixtures.write(root, "media/big.bin", rebuilt);
            Files.setLastModifiedTime(
                    root.resolve("media/big.bin"),
                    java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));

            assertThat(server.get("/static/media/big.bin").body()).isEqualTo(rebuilt);
            assertThat(warnings).isEmpty();
        }
    }

    @Test
    void linksInsideTheRootThatWereThereAtStartUpAreStillServed() throws Exception {
        Files.createSymbolicLink(root.resolve("alias.bin"), root.resolve("media/big.bin"));
        Files.createSymbolicLink(root.resolve("shelf"), root.resolve("media"));
        try (AssetIndex index = AssetIndex.ofDirectories(List.of(root), IndexOptions.defaults());
                AssetServer server = new AssetServer(new UrlPrefix("/static"), index)) {
            assertThat(server.get("/static/alias.bin").body()).isEqualTo(INSIDE);
            assertThat(server.get("/static/shelf/big.bin").body()).isEqualTo(INSIDE);
            assertThat(warnings).isEmpty();
        }
    }

    private static void assertRefused(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).doesNotContain("SSSS");
    }
}
