package dev.jgi.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgi.testing.Command;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * An OCI image layout read as a container runtime reads it: {@code index.json} to the manifest,
 * the manifest to the config and the layers, each blob checked against its digest and size, each
 * layer's uncompressed digest against the config's {@code diff_ids}.
 *
 * @param layout the unpacked image layout (oci-layout, index.json, blobs/)
 * @param config the image's config
 * @param layers the layer blobs, lowest first
 */
record OciImage(Path layout, JsonNode config, List<Path> layers) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    /** Unpacks the image tarball {@code tarball} into {@code into} and checks it as described above. */
    static OciImage open(Path tarball, Path into) throws IOException {
        Command.of("tar", "-xf", tarball.toString(), "-C", into.toString())
                .run(Duration.ofMinutes(2))
                .successfulOutput();
        assertThat(JSON.readTree(into.resolve("oci-layout").toFile())
                        .path("imageLayoutVersion")
                        .asText())
                .isEqualTo("1.0.0");
        JsonNode index = JSON.readTree(into.resolve("index.json").toFile());
        assertThat(index.path("manifests")).hasSize(1);
        JsonNode manifest =
                JSON.readTree(blob(into, index.path("manifests").get(0)).toFile());
        assertThat(manifest.path("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        JsonNode config = JSON.readTree(blob(into, manifest.path("config")).toFile());
        List<Path> layers = manifest.path("layers")
                .valueStream()
                .map(descriptor -> blob(into, descriptor))
                .toList();
        JsonNode diffIds = config.path("rootfs").path("diff_ids");
        assertThat(diffIds).as("one diff_id per layer").hasSize(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            try (InputStream uncompressed = new GZIPInputStream(Files.newInputStream(layers.get(i)))) {
                assertThat("sha256:" + sha256(uncompressed))
                        .as("diff_id of layer %d", i)
                        .isEqualTo(diffIds.get(i).asText());
            }
        }
        return new OciImage(into, config, layers);
    }

    /** The blob a descriptor names, after checking its digest and size. */
    private static Path blob(Path layout, JsonNode descriptor) {
        String digest = descriptor.path("digest").asText();
        assertThat(digest).startsWith("sha256:");
        Path blob = layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
        try (InputStream in = Files.newInputStream(blob)) {
            assertThat("sha256:" + sha256(in)).as("digest of %s", blob).isEqualTo(digest);
            assertThat(Files.size(blob))
                    .as("size of %s", blob)
                    .isEqualTo(descriptor.path("size").asLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return blob;
    }

    private static String sha256(InputStream in) throws IOException {
        try {
            DigestInputStream digesting = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
            digesting.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Applies the layers, lowest first, to the empty folder {@code root} as an overlay file system
     * would: a layer's whiteout {@code DIR/.wh.NAME} deletes {@code DIR/NAME} of the layers below, its
     * opaque marker {@code DIR/.wh..wh..opq} empties {@code DIR}; neither is itself extracted. Owners
     * and modes are the layers' (tar runs as root).
     */
    void unpack(Path root) throws IOException {
        for (Path layer : layers) {
            applyWhiteouts(layer, root);
            Command.of(
                            "tar",
                            "-xzf",
                            layer.toString(),
                            "-C",
                            root.toString(),
                            "--numeric-owner",
                            "--exclude=" + WHITEOUT + "*")
                    .run(Duration.ofMinutes(2))
                    .successfulOutput();
        }
    }

    private static void applyWhiteouts(Path layer, Path root) throws IOException {
        List<String> entries = Command.of("tar", "-tzf", layer.toString())
                .run(Duration.ofMinutes(2))
                .successfulOutput()
                .lines()
                .toList();
        for (String entry : entries) {
            Path path = Path.of(entry).normalize();
            String name = path.getFileName() == null ? "" : path.getFileName().toString();
            if (!name.startsWith(WHITEOUT)) {
                continue;
            }
            Path parent = root.resolve(path).getParent().normalize();
            assertThat(parent).as("whiteout %s stays in the root", entry).startsWith(root);
            if (name.equals(OPAQUE)) {
                try (Stream<Path> children = Files.exists(parent) ? Files.list(parent) : Stream.empty()) {
                    for (Path child : children.toList()) {
                        delete(child);
                    }
                }
            } else {
                delete(parent.resolve(name.substring(WHITEOUT.length())));
            }
        }
    }

    private static void delete(Path path) {
        Command.of("rm", "-rf", "--", path.toString()).run().successfulOutput();
    }
}
