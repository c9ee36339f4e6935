package dev.jgi.assets.collect;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import dev.jgi.assets.http.ContentCoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Build-time compression, as WhiteNoise does it: gzip at level 9 (the JDK writes a zero mtime, so the
 * output is deterministic) and Brotli at quality 11 through brotli4j, whose Maven artifact bundles the
 * native library. A variant is kept only when it is at least 5 % smaller than the original, and files
 * whose format is already compressed are skipped.
 */
final class Precompressor {

    /** Files larger than this are copied without variants: compressing them would need the whole file in memory. */
    static final long MAX_SIZE = 32L * 1024 * 1024;

    private static final Set<String> ALREADY_COMPRESSED = Set.of(
            "jpg", "jpeg", "png", "gif", "webp", "avif", "zip", "gz", "tgz", "bz2", "tbz", "xz", "zst", "br", "swf",
            "flv", "woff", "woff2", "mp3", "mp4", "webm", "ogg", "ogv");

    private final boolean brotli;

    Precompressor() {
        this.brotli = Brotli4jLoader.isAvailable();
    }

    boolean brotliAvailable() {
        return brotli;
    }

    static boolean worthTrying(String path, long size) {
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return size > 0 && size <= MAX_SIZE && !ALREADY_COMPRESSED.contains(extension);
    }

    /** The content in a coding, empty when that coding is unavailable or does not save at least 5 %. */
    Optional<byte[]> compress(byte[] content, ContentCoding coding) throws IOException {
        byte[] compressed = switch (coding) {
            case GZIP -> gzip(content);
            case BROTLI -> brotli ? Encoder.compress(content, new Encoder.Parameters().setQuality(11)) : null;
        };
        return compressed != null && compressed.length * 20L <= content.length * 19L
                ? Optional.of(compressed)
                : Optional.empty();
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 2 + 64);
        try (GZIPOutputStream gzip = new BestGzip(out)) {
            gzip.write(content);
        }
        return out.toByteArray();
    }

    private static final class BestGzip extends GZIPOutputStream {
        BestGzip(ByteArrayOutputStream out) throws IOException {
            super(out);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
