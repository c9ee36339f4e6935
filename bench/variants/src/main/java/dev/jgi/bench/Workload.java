package dev.jgi.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What every variant answers, byte for byte, so that the measured servers do the same work.
 *
 * <p>bench/run checks each variant against these values (and the WSGI app in bench/gunicorn mirrors
 * them) before it measures anything.
 */
public final class Workload {
    public static final String PLAINTEXT = "Hello, World!";
    public static final String MESSAGE = "Hello, World!";
    public static final int STREAM_CHUNKS = 64;
    public static final int STREAM_CHUNK_SIZE = 1024;
    public static final Duration SLEEP = Duration.ofSeconds(1);

    private static final byte[] PLAINTEXT_BYTES = PLAINTEXT.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNK = chunk();

    private Workload() {}

    /** The JSON body, serialised per request as an application would. */
    public static String json() {
        return "{\"message\":\"" + MESSAGE + "\"}";
    }

    public static byte[] plaintextBytes() {
        return PLAINTEXT_BYTES.clone();
    }

    /** One chunk of the streamed response: {@code STREAM_CHUNK_SIZE} bytes of 'a'..'z', then a newline. */
    public static byte[] streamChunk() {
        return CHUNK.clone();
    }

    private static byte[] chunk() {
        byte[] chunk = new byte[STREAM_CHUNK_SIZE];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) ('a' + i % 26);
        }
        chunk[chunk.length - 1] = '\n';
        return chunk;
    }
}
