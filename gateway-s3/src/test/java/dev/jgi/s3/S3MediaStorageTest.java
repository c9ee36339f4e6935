package dev.jgi.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.media.MediaContent;
import dev.jgi.media.MediaStorage;
import dev.jgi.media.StorageUrl;
import dev.jgi.media.StoredMedia;
import dev.jgi.media.UploadRejected;
import dev.jgi.media.UploadRules;
import dev.jgi.s3.testing.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** The s3 backend against a real S3-compatible server. */
class S3MediaStorageTest {

    @TempDir
    static Path dir;

    static S3ProxyServer server;
    static S3Client s3;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start(dir.resolve("s3"));
        Credentials.useTestCredentials();
        server.createBucket("media", false);
        server.createBucket("public-media", true);
        s3 = server.client();
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.close();
        server.close();
        Credentials.clear();
    }

    private static MediaStorage storage(String bucketAndPrefix, String parameters) {
        return MediaStorage.open(StorageUrl.parse(server.url(bucketAndPrefix) + parameters));
    }

    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, bytes, 0, 8);
        return bytes;
    }

    private static int objectsAndPendingUploads(String bucket) {
        return s3.listObjectsV2(b -> b.bucket(bucket)).keyCount()
                + s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().size();
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void storesWithTheSniffedTypeAndAnImmutableCacheControlBelowThePrefix() throws Exception {
        try (MediaStorage storage = storage("media/blog/uploads", "")) {
            byte[] png = png(40_000);
            StoredMedia stored = storage.store(new ByteArrayInputStream(png), UploadRules.images(1 << 20));

            HeadObjectResponse head = s3.headObject(b -> b.bucket("media").key("blog/uploads/" + stored.name()));
            assertThat(head.contentType()).isEqualTo("image/png");
            assertThat(head.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
            assertThat(head.contentLength()).isEqualTo(png.length);
            try (MediaContent content = storage.open(stored.name()).orElseThrow()) {
                assertThat(content.contentType()).isEqualTo("image/png");
                assertThat(content.stream().readAllBytes()).isEqualTo(png);
            }
            assertThat(storage.delete(stored.name())).isTrue();
            assertThat(storage.open(stored.name())).isEmpty();
            assertThat(storage.delete(stored.name())).isFalse();
        }
    }

    @Test
    void aFileLargerThanOnePartGoesUpInPartsAndArrivesWhole() throws Exception {
        try (MediaStorage storage = storage("media/big", "")) {
            byte[] png = png(12 * 1024 * 1024 + 17);
            StoredMedia stored = storage.store(new ByteArrayInputStream(png), UploadRules.images(16L << 20));
            assertThat(stored.size()).isEqualTo(png.length);
            try (MediaContent content = storage.open(stored.name()).orElseThrow()) {
                assertThat(content.stream().readAllBytes()).isEqualTo(png);
            }
            storage.delete(stored.name());
        }
    }

    @Test
    void tooLargeAbortsTheMultipartUploadAndLeavesNothing() throws Exception {
        try (MediaStorage storage = storage("media/limits", "")) {
            InputStream twentyMiB = new ByteArrayInputStream(png(20 * 1024 * 1024));
            assertThatThrownBy(() -> storage.store(twentyMiB, UploadRules.images(8L << 20)))
                    .isInstanceOfSatisfying(
                            UploadRejected.class,
                            e -> assertThat(e.reason()).isEqualTo(UploadRejected.Reason.TOO_LARGE));
            assertThat(objectsAndPendingUploads("media")).isZero();
        }
    }

    @Test
    void aBrokenUploadAbortsAndANonImageIsNeverSent() throws Exception {
        try (MediaStorage storage = storage("media/broken", "")) {
            byte[] start = png(7 * 1024 * 1024);
            InputStream breaking = new java.io.SequenceInputStream(new ByteArrayInputStream(start), new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("client went away");
                }

                @Override
                public int read(byte[] into, int offset, int length) throws IOException {
                    throw new IOException("client went away");
                }
            });
            assertThatThrownBy(() -> storage.store(breaking, UploadRules.images(16L << 20)))
                    .isInstanceOf(IOException.class)
                    .hasMessage("client went away");
            byte[] html = "<html><script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThatThrownBy(() -> storage.store(new ByteArrayInputStream(html), UploadRules.images(1 << 20)))
                    .isInstanceOf(UploadRejected.class);
            assertThat(objectsAndPendingUploads("media")).isZero();
        }
    }

    @Test
    void presignedUrlsWorkUntilTheyExpire() throws Exception {
        try (MediaStorage storage = storage("media/signed", "&url-expiry=2s")) {
            byte[] png = png(1000);
            StoredMedia stored = storage.store(new ByteArrayInputStream(png), UploadRules.images(1 << 20));
            String url = storage.url(stored.name());
            assertThat(url).startsWith(server.endpoint() + "/media/signed/" + stored.name() + "?");
            assertThat(storage.origin()).hasValue(server.endpoint().toString());

            HttpResponse<byte[]> fresh = get(url);
            assertThat(fresh.statusCode()).isEqualTo(200);
            assertThat(fresh.body()).isEqualTo(png);
            assertThat(get(server.endpoint() + "/media/signed/" + stored.name()).statusCode())
                    .as("the bucket is private")
                    .isEqualTo(403);
            Thread.sleep(3500);
            assertThat(get(url).statusCode()).as("expired").isEqualTo(403);
            storage.delete(stored.name());
        }
    }

    @Test
    void aPublicUrlIsUsedAsIs() throws Exception {
        String base = server.endpoint() + "/public-media/avatars/";
        try (MediaStorage storage = storage("public-media/avatars", "&acl=public-read&public-url=" + base)) {
            StoredMedia stored = storage.store(new ByteArrayInputStream(png(500)), UploadRules.images(1 << 20));
            assertThat(storage.url(stored.name())).isEqualTo(base + stored.name());
            HttpResponse<byte[]> anonymous = get(storage.url(stored.name()));
            assertThat(anonymous.statusCode())
                    .as(new String(anonymous.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            assertThat(anonymous.headers().firstValue("content-type")).hasValue("image/png");
        }
    }
}
