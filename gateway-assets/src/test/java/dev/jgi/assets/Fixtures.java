package dev.jgi.assets;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Builds asset trees and app jars for tests. */
public final class Fixtures {

    public static final String CSS = "body { color: #333; margin: 0 auto; }\n".repeat(80);
    public static final String SECRET = "TOP-SECRET-outside-the-root";

    private Fixtures() {}

    public static Path write(Path root, String path, String content) throws IOException {
        return write(root, path, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path root, String path, byte[] content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    public static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    public static byte[] gunzip(byte[] content) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(content))) {
            return in.readAllBytes();
        }
    }

    public static byte[] brotli(byte[] content) throws IOException {
        Brotli4jLoader.ensureAvailability();
        return Encoder.compress(content);
    }

    /** An app jar with the given manifest attributes and entries (names as in the jar, such as static/css/a.css). */
    public static Path jar(Path file, Map<String, String> attributes, Map<String, byte[]> entries) throws IOException {
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        return file;
    }
}
