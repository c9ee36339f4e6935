package dev.jgi.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.media.StorageUrl;
import dev.jgi.s3.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Uploading a tree against a real S3-compatible server. */
class TreeUploadTest {

    @TempDir
    static Path dir;

    static S3ProxyServer server;
    static S3Client s3;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start(dir.resolve("s3"));
        Credentials.useTestCredentials();
        server.createBucket("static", false);
        s3 = server.client();
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.close();
        server.close();
        Credentials.clear();
    }

    private static BucketLocation at(String url) {
        return BucketLocation.of(StorageUrl.parse(url), Set.of(), Map.of());
    }

    private static TreeUpload.Result upload(BucketLocation location, List<TreeUpload.LocalObject> objects)
            throws Exception {
        try (S3Client client = S3Clients.client(location)) {
            return TreeUpload.run(client, location, objects);
        }
    }

    private static TreeUpload.LocalObject object(Path file, String path, String type) {
        return new TreeUpload.LocalObject(path, file, type, "public, max-age=60");
    }

    @Test
    void uploadsOnlyWhatChangedComparedByContent() throws Exception {
        Path src = Files.createDirectories(dir.resolve("tree"));
        Path css = Files.writeString(src.resolve("site.css"), "body { color: teal }");
        Path js = Files.writeString(src.resolve("app.js"), "alert(1)");
        Path manifest = Files.writeString(src.resolve("staticfiles.json"), "{}");
        BucketLocation location = at(server.url("static/site"));
        List<TreeUpload.LocalObject> objects = List.of(
                object(css, "site.css", "text/css; charset=utf-8"),
                object(js, "app.js", "text/javascript; charset=utf-8"),
                object(manifest, "staticfiles.json", "application/json"));

        assertThat(upload(location, objects).uploaded()).containsExactly("site.css", "app.js", "staticfiles.json");
        HeadObjectResponse head = s3.headObject(b -> b.bucket("static").key("site/site.css"));
        assertThat(head.contentType()).isEqualTo("text/css; charset=utf-8");
        assertThat(head.cacheControl()).isEqualTo("public, max-age=60");
        assertThat(head.metadata()).containsKey(TreeUpload.SHA256_METADATA);

        TreeUpload.Result again = upload(location, objects);
        assertThat(again.uploaded()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(3);

        Files.writeString(js, "alert(2)");
        Files.setLastModifiedTime(css, java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(upload(location, objects).uploaded())
                .as("a new modification time alone uploads nothing")
                .containsExactly("app.js");
    }

    @Test
    void anObjectUploadedInPartsIsComparedByItsRecordedSha256() throws Exception {
        Path file = Files.writeString(dir.resolve("multipart.css"), "p { margin: 0 }");
        String sha256 = dev.jgi.s3.TreeUploadTest.sha256(file);
        String id = s3.createMultipartUpload(b -> b.bucket("static")
                        .key("parts/multipart.css")
                        .metadata(Map.of(TreeUpload.SHA256_METADATA, sha256)))
                .uploadId();
        String etag = s3.uploadPart(
                        b -> b.bucket("static")
                                .key("parts/multipart.css")
                                .uploadId(id)
                                .partNumber(1),
                        RequestBody.fromFile(file))
                .eTag();
        s3.completeMultipartUpload(b -> b.bucket("static")
                .key("parts/multipart.css")
                .uploadId(id)
                .multipartUpload(m ->
                        m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));

        TreeUpload.Result result =
                upload(at(server.url("static/parts")), List.of(object(file, "multipart.css", "text/css")));
        assertThat(result.uploaded()).isEmpty();
        assertThat(result.unchanged()).isEqualTo(1);
    }

    @Test
    void aMissingBucketIsOneClearLine() throws Exception {
        Path file = Files.writeString(dir.resolve("a.css"), "a{}");
        assertThatThrownBy(() -> upload(at(server.url("no-such-bucket/x")), List.of(object(file, "a.css", "text/css"))))
                .isInstanceOf(BucketException.class)
                .hasMessage("the bucket 'no-such-bucket' does not exist at " + server.endpoint());
    }

    @Test
    void refusedCredentialsAreOneClearLine() throws Exception {
        Path file = Files.writeString(dir.resolve("b.css"), "b{}");
        Credentials.use(S3ProxyServer.IDENTITY, "wrong-secret");
        try {
            assertThatThrownBy(() -> upload(at(server.url("static/x")), List.of(object(file, "b.css", "text/css"))))
                    .isInstanceOf(BucketException.class)
                    .hasMessageStartingWith(server.endpoint() + " refused the credentials (SignatureDoesNotMatch)")
                    .hasMessageEndingWith("check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        } finally {
            Credentials.useTestCredentials();
        }
    }

    @Test
    void anUnreachableEndpointIsOneClearLine() throws Exception {
        Path file = Files.writeString(dir.resolve("c.css"), "c{}");
        int closed;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> upload(
                        at("s3://static/x?endpoint=http://127.0.0.1:" + closed),
                        List.of(object(file, "c.css", "text/css"))))
                .isInstanceOf(BucketException.class)
                .hasMessageStartingWith("cannot reach http://127.0.0.1:" + closed + ": ConnectException");
    }

    static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
