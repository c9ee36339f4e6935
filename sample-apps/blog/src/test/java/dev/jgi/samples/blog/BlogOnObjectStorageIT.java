package dev.jgi.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.s3.testing.S3ProxyServer;
import dev.jgi.samples.testing.Browser;
import dev.jgi.testing.Command;
import dev.jgi.testing.JgiProcess;
import dev.jgi.testing.doccommands.ShellBlock;
import dev.jgi.testing.doccommands.ShellBlocks;
import dev.jgi.testing.doccommands.ShellCommand;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The "Object storage and CDN" section of docs/static-assets.md, run as written against s3proxy: its
 * commands are read from the document (endpoint, keys and URLs replaced), collect-static uploads the
 * blog's assets, and headless Chromium sees the home page styled by the CSS the bucket serves and a
 * post's image stored in and served from the bucket; a 20 MiB upload and a non-image get form errors
 * and leave nothing in the bucket.
 */
class BlogOnObjectStorageIT {

    private static final Path JAR = Path.of("target/blog.jar").toAbsolutePath();

    @TempDir
    Path site;

    /**
     * The commands of the block of docs/static-assets.md that DocumentCommandsIT leaves to this test
     * (its directives skip every command naming this class), read by the project's one extractor,
     * with this test's endpoint, keys and URLs in place of the examples.
     */
    private static List<String> commands(S3ProxyServer s3) throws Exception {
        Path doc = Path.of(System.getProperty("jgi.root"), "docs", "static-assets.md");
        List<ShellBlock> ours = ShellBlocks.of(doc).stream()
                .filter(block -> block.commands().stream()
                        .allMatch(c -> c.handling() instanceof ShellCommand.Skip skip
                                && skip.reason().contains(BlogOnObjectStorageIT.class.getSimpleName())))
                .toList();
        assertThat(ours).as("the block of %s left to this test", doc).hasSize(1);
        String endpoint = s3.endpoint().toString();
        return ours.getFirst().commands().stream()
                .map(command -> command.text()
                        .replace("AKIAEXAMPLE", S3ProxyServer.IDENTITY)
                        .replace("example-secret", S3ProxyServer.CREDENTIAL)
                        .replace("https://s3.example.com", endpoint)
                        .replace("https://static.example.com/", endpoint + "/example-static/")
                        .replace("https://media.example.com/", endpoint + "/example-media/"))
                .toList();
    }

    /** Splits a shell line into words at spaces outside double quotes, which are removed. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("(?:\"[^\"]*\"|[^\\s\"])+").matcher(line);
        while (m.find()) {
            words.add(m.group().replace("\"", ""));
        }
        return words;
    }

    @Test
    void theDocumentedDeploymentServesStylesAndImagesFromTheBucket() throws Exception {
        Path root = Path.of(System.getProperty("jgi.root"));
        try (S3ProxyServer s3 = S3ProxyServer.start(site.resolve("s3"))) {
            s3.createBucket("example-static", false);
            s3.createBucket("example-media", false);
            Map<String, String> env = new HashMap<>(Map.of("AWS_EC2_METADATA_DISABLED", "true"));
            env.put("SECRET_KEY", "object-storage-test-secret-0123456789");
            List<String> serveOptions = null;
            for (String line : commands(s3)) {
                List<String> words = words(line);
                if (words.getFirst().equals("export")) {
                    for (String assignment : words.subList(1, words.size())) {
                        int eq = assignment.indexOf('=');
                        env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
                    }
                } else if (words.subList(0, 2).equals(List.of("bin/jgi", "collect-static"))) {
                    List<String> command = new ArrayList<>(words);
                    command.set(0, root.resolve("bin/jgi").toString());
                    String out = Command.of(command)
                            .in(root)
                            .with(env)
                            .run(Duration.ofMinutes(2))
                            .successfulOutput();
                    assertThat(out).contains("uploaded 3 of 3 files");
                } else if (words.subList(0, 2).equals(List.of("bin/jgi", "serve"))) {
                    serveOptions = words.subList(2, words.size() - 1);
                    assertThat(root.resolve(words.getLast()))
                            .isEqualTo(root.resolve("sample-apps/blog/target/blog.jar"));
                } else {
                    throw new AssertionError("a command this test does not know how to run: " + line);
                }
            }
            assertThat(serveOptions).as("the document serves the blog").isNotNull();
            String admin = "dev.jgi.samples.blog.Admin";
            Command.java("-cp", JAR.toString(), admin, "migrate")
                    .in(site)
                    .with(env)
                    .run(Duration.ofMinutes(2))
                    .successfulOutput();
            Command.java("-cp", JAR.toString(), admin, "createsuperuser", "--username", "admin", "--password-stdin")
                    .in(site)
                    .with(env)
                    .input("s3cret-passw0rd\n")
                    .run(Duration.ofMinutes(2))
                    .successfulOutput();

            try (JgiProcess server = JgiProcess.serve(JAR, site, env, serveOptions.toArray(String[]::new));
                    Browser browser = Browser.start();
                    S3Client client = s3.client()) {
                WebDriver page = browser.driver();
                page.get(server.uri("/").toString());
                String stylesheet =
                        page.findElement(By.cssSelector("link[rel=stylesheet]")).getAttribute("href");
                assertThat(stylesheet).matches(s3.endpoint() + "/example-static/blog/css/blog\\.[0-9a-f]{8}\\.css");
                assertThat(page.findElement(By.tagName("body")).getCssValue("background-color"))
                        .as("blog.css, served by the bucket, applies")
                        .isEqualTo("rgba(251, 248, 241, 1)");

                logIn(page, server);
                Path image = site.resolve("photo.png");
                Files.write(image, png(40_000));
                Path notAnImage = Files.writeString(site.resolve("evil.png"), "<svg onload=alert(1)></svg>");
                Path huge = site.resolve("huge.png");
                Files.write(huge, png(20 * 1024 * 1024));

                assertThat(publish(page, server, "Too big", huge)).contains("larger than 8 MiB");
                assertThat(publish(page, server, "Not an image", notAnImage)).contains("not an image");
                assertThat(client.listObjectsV2(b -> b.bucket("example-media")).keyCount())
                        .as("rejected uploads leave nothing")
                        .isZero();
                assertThat(client.listMultipartUploads(b -> b.bucket("example-media"))
                                .uploads())
                        .isEmpty();

                publish(page, server, "With a picture", image);
                new WebDriverWait(page, Duration.ofSeconds(15))
                        .until(ExpectedConditions.urlContains("/posts/with-a-picture"));
                String src = page.findElement(By.cssSelector("img.post-image")).getAttribute("src");
                assertThat(src).matches(s3.endpoint() + "/example-media/posts/[a-z2-7]{26}\\.png");
                Object width = ((org.openqa.selenium.JavascriptExecutor) page)
                        .executeScript("return document.querySelector('img.post-image').naturalWidth;");
                assertThat(width)
                        .as("the browser loaded the image from the bucket")
                        .isNotEqualTo(0L);
                try (HttpClient http = HttpClient.newHttpClient()) {
                    HttpResponse<byte[]> fetched = http.send(
                            HttpRequest.newBuilder(URI.create(src)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(fetched.body()).isEqualTo(Files.readAllBytes(image));
                    assertThat(fetched.headers().firstValue("content-type")).hasValue("image/png");
                }
                browser.screenshot("blog-post-with-image-from-bucket");
            }
        }
    }

    private static void logIn(WebDriver page, JgiProcess server) {
        page.get(server.uri("/admin/login").toString());
        page.findElement(By.name("username")).sendKeys("admin");
        page.findElement(By.name("password")).sendKeys("s3cret-passw0rd");
        page.findElement(By.cssSelector("form.card button[type=submit]")).click();
        new WebDriverWait(page, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.name("title")));
    }

    /** Fills the admin form with a file and submits it; returns the text of the page that follows. */
    private static String publish(WebDriver page, JgiProcess server, String title, Path file) {
        page.get(server.uri("/admin").toString());
        page.findElement(By.name("title")).sendKeys(title);
        page.findElement(By.name("body")).sendKeys("A post with an image.");
        page.findElement(By.name("image")).sendKeys(file.toString());
        page.findElement(By.cssSelector("form.card button[type=submit]")).click();
        new WebDriverWait(page, Duration.ofSeconds(60))
                .until(d -> !d.getCurrentUrl().endsWith("/admin")
                        || !d.findElements(By.cssSelector(".error")).isEmpty());
        return page.findElement(By.tagName("body")).getText();
    }

    /** A real PNG: the signature and a 1x1 image, padded to {@code size} with an ancillary chunk's worth of noise. */
    private static byte[] png(int size) throws Exception {
        java.awt.image.BufferedImage pixel =
                new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(pixel, "png", out);
        byte[] image = out.toByteArray();
        byte[] padded = new byte[Math.max(size, image.length)];
        new Random(size).nextBytes(padded);
        System.arraycopy(image, 0, padded, 0, image.length);
        return padded;
    }
}
