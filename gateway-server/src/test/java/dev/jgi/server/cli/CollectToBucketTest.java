package dev.jgi.server.cli;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.assets.Manifest;
import dev.jgi.s3.testing.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@code jgi collect-static --to s3://...} against a real S3-compatible server (s3proxy). */
class CollectToBucketTest {

    @TempDir
    static Path dir;

    static S3ProxyServer server;

    /** What one run of the command printed and returned. */
    record Run(int status, String out, String err) {}

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.start(dir.resolve("s3"));
        server.createBucket("static", false);
        System.setProperty("aws.accessKeyId", S3ProxyServer.IDENTITY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.CREDENTIAL);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    static Run collect(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "collect-static";
        System.arraycopy(args, 0, all, 1, args.length);
        int status = Main.run(
                all,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static List<String> keys(S3Client s3, String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    static Manifest manifest(S3Client s3, String key) throws Exception {
        return Manifest.read(
                new ByteArrayInputStream(
                        s3.getObjectAsBytes(b -> b.bucket("static").key(key)).asByteArray()),
                key);
    }

    @Test
    void uploadsHashedFilesOnceAndThenOnlyWhatChangedWithTheManifestLast() throws Exception {
        Path src = dir.resolve("site");
        Files.createDirectories(src.resolve("css"));
        Files.writeString(src.resolve("css/site.css"), "body { color: teal }");
        Files.writeString(src.resolve("css/print.css"), "body { color: black }");
        Files.writeString(src.resolve("app.js"), "console.log(1)");
        String target = server.url("static/blog");

        Run first = collect(src.toString(), "--to", target);
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).contains("uploaded 4 of 4 files, 0 already there");
        try (S3Client s3 = server.client()) {
            Manifest manifest = manifest(s3, "blog/staticfiles.json");
            String css = manifest.hashed("css/site.css").orElseThrow();
            assertThat(keys(s3, "static", "blog/"))
                    .containsExactlyInAnyOrder(
                            "blog/" + css,
                            "blog/" + manifest.hashed("css/print.css").orElseThrow(),
                            "blog/" + manifest.hashed("app.js").orElseThrow(),
                            "blog/staticfiles.json");
            HeadObjectResponse head = s3.headObject(b -> b.bucket("static").key("blog/" + css));
            assertThat(head.contentType()).isEqualTo("text/css; charset=utf-8");
            assertThat(head.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
            assertThat(s3.headObject(b -> b.bucket("static").key("blog/staticfiles.json"))
                            .cacheControl())
                    .isEqualTo("no-cache");
        }

        Run second = collect(src.toString(), "--to", target);
        assertThat(second.out()).contains("uploaded 0 of 4 files, 4 already there");

        Files.writeString(src.resolve("css/site.css"), "body { color: navy }");
        Run third = collect(src.toString(), "--to", target);
        assertThat(third.out())
                .as("one new object plus the manifest")
                .contains("uploaded 2 of 4 files, 2 already there");
    }

    @Test
    void aMissingBucketIsOneLineAndExitStatus1UnlessDebugAsksForTheTrace() throws Exception {
        Path src = Files.createDirectories(dir.resolve("one"));
        Files.writeString(src.resolve("a.css"), "a {}");

        Run missing = collect(src.toString(), "--to", server.url("no-such-bucket/x"));
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err().strip())
                .isEqualTo("jgi: error: collect-static to s3://no-such-bucket/x failed: the bucket 'no-such-bucket'"
                        + " does not exist at " + server.endpoint());

        Run debug = collect(src.toString(), "--to", server.url("no-such-bucket/x"), "--debug");
        assertThat(debug.status()).isEqualTo(1);
        assertThat(debug.err()).contains("does not exist").contains("\tat ").contains("NoSuchBucketException");
    }

    @Test
    void refusedCredentialsAndAnUnreachableEndpointAreOneLineEach() throws Exception {
        Path src = Files.createDirectories(dir.resolve("two"));
        Files.writeString(src.resolve("b.css"), "b {}");
        System.setProperty("aws.secretAccessKey", "not-the-secret");
        try {
            Run refused = collect(src.toString(), "--to", server.url("static/refused"));
            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.err().strip().lines()).hasSize(1);
            assertThat(refused.err()).contains("refused the credentials").contains("AWS_SECRET_ACCESS_KEY");
        } finally {
            System.setProperty("aws.secretAccessKey", S3ProxyServer.CREDENTIAL);
        }
        Run unreachable = collect(src.toString(), "--to", "s3://static/x?endpoint=http://127.0.0.1:1");
        assertThat(unreachable.status()).isEqualTo(1);
        assertThat(unreachable.err().strip().lines()).hasSize(1);
        assertThat(unreachable.err()).contains("cannot reach http://127.0.0.1:1");

        Run malformed = collect(src.toString(), "--to", "s3://Not_A_Bucket");
        assertThat(malformed.status()).isEqualTo(2);
        assertThat(malformed.err()).contains("not an S3 bucket name");
    }

    @Test
    void aRunKilledMidUploadLeavesTheOldManifestPointingAtObjectsThatExist() throws Exception {
        Path data = dir.resolve("slow-s3");
        Path src = Files.createDirectories(dir.resolve("many"));
        for (int i = 0; i < 30; i++) {
            Files.writeString(src.resolve("file" + i + ".css"), ".c" + i + " { color: red }");
        }
        String before;
        String target;
        try (S3ProxyServer slow = S3ProxyServer.start(data, "s3proxy.latency-blobstore.put.latency=400")) {
            slow.createBucket("static", false);
            target = slow.url("static/site");
            assertThat(collect(src.toString(), "--to", target).status()).isZero();
            try (S3Client s3 = slow.client()) {
                before = s3.getObjectAsBytes(b -> b.bucket("static").key("site/staticfiles.json"))
                        .asUtf8String();
            }
            for (int i = 0; i < 30; i++) {
                Files.writeString(src.resolve("file" + i + ".css"), ".c" + i + " { color: blue }");
            }
            int objectsBefore = keys(slow.client(), "static", "site/").size();
            CompletableFuture<Run> second =
                    CompletableFuture.supplyAsync(() -> collect(src.toString(), "--to", target));
            try (S3Client s3 = slow.client()) {
                eventually(Duration.ofMinutes(2), () -> {
                    if (second.isDone()) {
                        throw new IllegalStateException("the upload stopped before its first object");
                    }
                    assertThat(keys(s3, "static", "site/")).hasSizeGreaterThan(objectsBefore);
                });
            }
            slow.close();
            Run killed = second.get(3, TimeUnit.MINUTES);
            assertThat(killed.status()).isEqualTo(1);
            assertThat(killed.err()).contains("cannot reach");
        }
        try (S3ProxyServer restarted = S3ProxyServer.start(data);
                S3Client s3 = restarted.client()) {
            String after = s3.getObjectAsBytes(b -> b.bucket("static").key("site/staticfiles.json"))
                    .asUtf8String();
            assertThat(after).as("the manifest of the finished run").isEqualTo(before);
            List<String> present = keys(s3, "static", "site/");
            for (String hashed : manifest(s3, "site/staticfiles.json").paths().values()) {
                assertThat(present).contains("site/" + hashed);
            }
        }
    }
}
