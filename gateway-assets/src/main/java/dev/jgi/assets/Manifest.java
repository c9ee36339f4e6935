package dev.jgi.assets;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code staticfiles.json} that collect-static writes next to the files it collected:
 * <pre>{"version": 1, "prefix": "/static", "paths": {"css/site.css": "css/site.3f2a1b9c.css"}}</pre>
 * {@code paths} maps each logical path to its content-hashed path, both relative to the URL prefix.
 *
 * @param prefix the URL prefix the files are meant to be served at
 * @param paths logical path to hashed path, sorted by logical path
 */
public record Manifest(UrlPrefix prefix, Map<String, String> paths) {

    /** The file name collect-static gives the manifest, at the root of the collected tree. */
    public static final String FILE_NAME = "staticfiles.json";

    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Manifest {
        Objects.requireNonNull(prefix, "prefix");
        paths = Map.copyOf(paths);
    }

    /** The hashed path of a logical path. */
    public Optional<String> hashed(String logicalPath) {
        return Optional.ofNullable(paths.get(logicalPath));
    }

    public static Manifest read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a manifest.
     *
     * @param origin where the bytes come from, for error messages
     * @throws IOException when the content is not a version-1 manifest; the message names {@code origin}
     */
    public static Manifest read(InputStream in, String origin) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new IOException(origin + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null
                || !root.isObject()
                || root.path("version").asInt(0) != VERSION
                || !root.path("paths").isObject()) {
            throw new IOException(origin + ": not a version-" + VERSION
                    + " static files manifest (needs \"version\": 1 and a \"paths\" object)");
        }
        UrlPrefix prefix;
        try {
            prefix =
                    root.hasNonNull("prefix") ? new UrlPrefix(root.get("prefix").asText()) : UrlPrefix.DEFAULT;
        } catch (IllegalArgumentException e) {
            throw new IOException(origin + ": " + e.getMessage(), e);
        }
        Map<String, String> paths = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : root.get("paths").properties()) {
            if (!e.getValue().isTextual()) {
                throw new IOException(origin + ": the hashed path of " + e.getKey() + " is not a string");
            }
            paths.put(e.getKey(), e.getValue().asText());
        }
        return new Manifest(prefix, paths);
    }

    /** Writes this manifest as JSON, paths sorted, so equal inputs give byte-identical files. */
    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("prefix", prefix.value());
        ObjectNode sorted = root.putObject("paths");
        new TreeMap<>(paths).forEach(sorted::put);
        Files.write(file, JSON.writeValueAsBytes(root));
    }
}
