package dev.jgi.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMediaStorageTest {

    @TempDir
    Path dir;

    private LocalMediaStorage storage() {
        return (LocalMediaStorage) MediaStorage.open(StorageUrl.parse("file:" + dir.resolve("media")));
    }

    private List<Path> files() throws IOException {
        Files.createDirectories(dir.resolve("media"));
        try (Stream<Path> all = Files.list(dir.resolve("media"))) {
            return all.toList();
        }
    }

    @Test
    void storesAnImageUnderARandomNameAndServesItBack() throws Exception {
        LocalMediaStorage storage = storage();
        byte[] png = Images.png(70_000);

        StoredMedia stored = storage.store(new ByteArrayInputStream(png), UploadRules.images(1 << 20));

        assertThat(stored.type()).isEqualTo(ImageType.PNG);
        assertThat(stored.size()).isEqualTo(png.length);
        assertThat(stored.name().value()).endsWith(".png");
        assertThat(files())
                .containsExactly(dir.resolve("media").resolve(stored.name().value()));
        assertThat(storage.url(stored.name()))
                .isEqualTo("/media/" + stored.name().value());
        assertThat(storage.origin()).isEmpty();
        try (MediaContent content = storage.open(stored.name()).orElseThrow()) {
            assertThat(content.contentType()).isEqualTo("image/png");
            assertThat(content.size()).isEqualTo(png.length);
            assertThat(Images.readAll(content.stream())).isEqualTo(png);
        }
        assertThat(storage.delete(stored.name())).isTrue();
        assertThat(storage.open(stored.name())).isEmpty();
        assertThat(storage.delete(stored.name())).isFalse();
    }

    @Test
    void aFileOverTheLimitIsRejectedWhileItStreamsAndLeavesNothing() throws Exception {
        LocalMediaStorage storage = storage();
        long twentyMiB = 20L * 1024 * 1024;

        assertThatThrownBy(() -> storage.store(Images.pngStream(twentyMiB), UploadRules.images(8L * 1024 * 1024)))
                .isInstanceOfSatisfying(
                        UploadRejected.class, e -> assertThat(e.reason()).isEqualTo(UploadRejected.Reason.TOO_LARGE))
                .hasMessage("The file is larger than 8 MiB.");
        assertThat(files()).isEmpty();
    }

    @Test
    void exactlyTheLimitIsAccepted() throws Exception {
        StoredMedia stored = storage().store(Images.pngStream(4096), UploadRules.images(4096));
        assertThat(stored.size()).isEqualTo(4096);
    }

    @Test
    void contentThatIsNotAnImageIsRejectedWhateverItIsCalled() throws Exception {
        LocalMediaStorage storage = storage();
        byte[] html = "<!doctype html><script>alert(document.cookie)</script>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> storage.store(new ByteArrayInputStream(html), UploadRules.images(1 << 20)))
                .isInstanceOfSatisfying(
                        UploadRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(UploadRejected.Reason.UNSUPPORTED_TYPE))
                .hasMessageContaining("not an image");
        assertThatThrownBy(() -> storage.store(new ByteArrayInputStream(new byte[0]), UploadRules.images(10)))
                .isInstanceOfSatisfying(
                        UploadRejected.class, e -> assertThat(e.reason()).isEqualTo(UploadRejected.Reason.EMPTY));
        assertThat(files()).isEmpty();
    }

    @Test
    void anUploadThatBreaksOffLeavesNoHalfWrittenFile() throws Exception {
        LocalMediaStorage storage = storage();
        assertThatThrownBy(() -> storage.store(Images.breaking(Images.png(50_000)), UploadRules.images(1 << 20)))
                .isInstanceOf(IOException.class)
                .hasMessage("client went away");
        assertThat(files()).isEmpty();
    }

    @Test
    void namesNeverLeaveTheDirectoryAndTheBaseUrlIsConfigurable() throws Exception {
        MediaStorage storage =
                MediaStorage.open(StorageUrl.parse("file:" + dir.resolve("media") + "?base-url=/uploads/"));
        StoredMedia stored = storage.store(new ByteArrayInputStream(Images.png(100)), UploadRules.images(1000));
        assertThat(storage.url(stored.name())).startsWith("/uploads/");
        assertThatThrownBy(() -> MediaStorage.open(StorageUrl.parse("file:" + dir + "?base-url=media")))
                .hasMessageContaining("base-url starts and ends with '/'");
        assertThatThrownBy(() -> MediaStorage.open(StorageUrl.parse("file:" + dir + "?baseurl=/m/")))
                .hasMessageContaining("unknown parameter 'baseurl'");
    }

    @Test
    void aSchemeWithoutItsBackendOnTheClassPathIsAClearError() {
        assertThatThrownBy(() -> MediaStorage.open(StorageUrl.parse("s3://bucket/prefix")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add the gateway-s3 artifact");
    }
}
