package dev.jgi.s3.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;

/**
 * A real S3-compatible server for tests: s3proxy (Maven Central {@code org.gaul:s3proxy}, its
 * self-contained jar, path in the system property {@value #JAR_PROPERTY}) as a {@code java -jar}
 * process on an ephemeral loopback port, storing objects in a directory with its {@code filesystem-nio2}
 * backend and checking AWS signatures against {@link #IDENTITY} and {@link #CREDENTIAL}. Stopping and
 * starting again over the same directory keeps the objects, as a restarted S3 would.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String JAR_PROPERTY = "jgi.s3proxy.jar";
    public static final String IDENTITY = "jgi-test-access-key";
    public static final String CREDENTIAL = "jgi-test-secret-key";

    private static final Pattern LISTENING =
            Pattern.compile("ServerConnector@\\S+\\{HTTP/1\\.1[^}]*\\}\\{127\\.0\\.0\\.1:(\\d+)\\}");

    private final Process process;
    private final URI endpoint;
    private final Path data;

    private S3ProxyServer(Process process, URI endpoint, Path data) {
        this.process = process;
        this.endpoint = endpoint;
        this.data = data;
    }

    /**
     * Starts s3proxy storing objects below {@code data} and waits until it listens.
     *
     * @param properties further s3proxy properties, such as {@code s3proxy.latency-blobstore.put.latency=200}
     */
    public static S3ProxyServer start(Path data, String... properties) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY, "(the system property " + JAR_PROPERTY + " is not set)"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no s3proxy jar at " + jar);
        }
        Files.createDirectories(data);
        List<String> config = new ArrayList<>(List.of(
                "s3proxy.endpoint=http://127.0.0.1:0",
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL,
                "jclouds.provider=filesystem-nio2",
                "jclouds.filesystem.basedir=" + data.toAbsolutePath()));
        config.addAll(List.of(properties));
        Path conf = Files.createTempFile("s3proxy", ".conf");
        Files.write(conf, config, StandardCharsets.UTF_8);
        Path log = Files.createTempFile("s3proxy", ".log");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--properties",
                        conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(log));
            if (m.find()) {
                return new S3ProxyServer(process, URI.create("http://127.0.0.1:" + m.group(1)), data);
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("s3proxy did not start listening; its output: " + Files.readString(log));
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Where the objects live on disk. */
    public Path data() {
        return data;
    }

    /**
     * The variables a process needs to reach this server as an S3 client configured the standard way:
     * the credentials, a region, {@code AWS_ENDPOINT_URL}, and no EC2 metadata look-ups.
     */
    public Map<String, String> environment() {
        return Map.of(
                "AWS_ACCESS_KEY_ID",
                IDENTITY,
                "AWS_SECRET_ACCESS_KEY",
                CREDENTIAL,
                "AWS_REGION",
                "us-east-1",
                "AWS_ENDPOINT_URL",
                endpoint.toString(),
                "AWS_EC2_METADATA_DISABLED",
                "true");
    }

    /** {@code s3://bucket/prefix?endpoint=...} for this server. */
    public String url(String bucketAndPrefix) {
        return "s3://" + bucketAndPrefix + "?endpoint=" + endpoint;
    }

    /** A client with the right credentials, for the tests' own checks; the caller closes it. */
    public S3Client client() {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                .build();
    }

    /** Creates a bucket; a public-read one answers anonymous {@code GET}s, as a bucket behind a CDN does. */
    public void createBucket(String name, boolean publicRead) {
        try (S3Client s3 = client()) {
            s3.createBucket(b -> {
                b.bucket(name);
                if (publicRead) {
                    b.acl(BucketCannedACL.PUBLIC_READ);
                }
            });
        }
    }

    /** Kills the server at once, as a crash or a network failure would end it. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
