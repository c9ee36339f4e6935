package dev.jgi.compression;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.BrotliOutputStream;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/** A content coding this middleware can produce (RFC 9110 §8.4.1). */
public enum Coding {
    /** Brotli (RFC 7932), through brotli4j's native encoder. */
    BR("br"),
    /** gzip (RFC 1952), through the JDK. */
    GZIP("gzip");

    private final String token;

    Coding(String token) {
        this.token = token;
    }

    /** The coding's name in {@code Accept-Encoding} and {@code Content-Encoding}. */
    public String token() {
        return token;
    }

    /** Whether this coding can run here: brotli needs its native library for this platform. */
    public boolean available() {
        return this == GZIP || Brotli4jLoader.isAvailable();
    }

    /**
     * A stream that encodes into {@code out}; its {@code flush} sends every byte written so far
     * (gzip's sync flush, brotli's flush), and its {@code close} finishes the coding and closes
     * {@code out}.
     */
    OutputStream encoder(OutputStream out, Options options) throws IOException {
        return switch (this) {
            case GZIP -> new LeveledGzip(out, options.gzipLevel());
            case BR ->
                new BrotliOutputStream(out, new Encoder.Parameters().setQuality(options.brotliQuality()), 16 * 1024);
        };
    }

    /** gzip at a chosen level, flushing with SYNC_FLUSH so that streamed pieces reach the client. */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(OutputStream out, int level) throws IOException {
            super(out, 8 * 1024, true);
            def.setLevel(level);
        }
    }
}
