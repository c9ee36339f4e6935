package dev.jgi.assets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Content-hashed file names: {@code css/site.css} with content hash {@code 3f2a1b9c…} becomes
 * {@code css/site.3f2a1b9c.css}. The tag is the first {@value #TAG_LENGTH} hex digits of the SHA-256 of
 * the file's bytes, so a name changes exactly when the content does, and a cache may keep it forever.
 */
public final class ContentHash {

    /** Hex digits of the SHA-256 kept in a hashed name. */
    public static final int TAG_LENGTH = 8;

    private static final Pattern HASHED = Pattern.compile("(?:.*/)?[^/]+\\.([0-9a-f]{8})(?:\\.[^./]+)?");

    private ContentHash() {}

    /** The SHA-256 of a file's content, in lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of some bytes, in lower-case hex. */
    public static String sha256(byte[] content) {
        return HexFormat.of().formatHex(newDigest().digest(content));
    }

    /**
     * The hashed form of a relative path: the tag goes before the last extension of the file name
     * ({@code a/b.min.js} → {@code a/b.min.<tag>.js}), or at the end when the name has none.
     *
     * @param sha256 the hex SHA-256 of the content (at least {@value #TAG_LENGTH} digits)
     */
    public static String hashedName(String relativePath, String sha256) {
        String tag = sha256.substring(0, TAG_LENGTH);
        int slash = relativePath.lastIndexOf('/');
        int dot = relativePath.lastIndexOf('.');
        if (dot <= slash + 1) {
            return relativePath + "." + tag;
        }
        return relativePath.substring(0, dot) + "." + tag + relativePath.substring(dot);
    }

    /** The tag a path carries when it has the shape of a hashed name; whether it is the true hash is not checked. */
    public static Optional<String> tagOf(String relativePath) {
        Matcher m = HASHED.matcher(relativePath);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The logical path of a hashed-shape path: {@code css/site.3f2a1b9c.css} → {@code css/site.css}. */
    public static Optional<String> plainName(String relativePath) {
        Matcher m = HASHED.matcher(relativePath);
        return m.matches()
                ? Optional.of(relativePath.substring(0, m.start(1) - 1) + relativePath.substring(m.end(1)))
                : Optional.empty();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
