package dev.jgi.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A stored file opened for reading; the caller closes it.
 *
 * @param contentType the type it was stored with
 * @param size its length in bytes
 * @param stream its bytes
 */
public record MediaContent(String contentType, long size, InputStream stream) implements AutoCloseable {

    public MediaContent {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(stream, "stream");
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
