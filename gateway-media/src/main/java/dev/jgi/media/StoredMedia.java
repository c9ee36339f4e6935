package dev.jgi.media;

import java.util.Objects;

/**
 * An upload that was stored.
 *
 * @param name the name to keep (in a database) and to pass to {@link MediaStorage#url}
 * @param type the sniffed type, which the file is served with
 * @param size the number of bytes stored
 */
public record StoredMedia(MediaName name, ImageType type, long size) {

    public StoredMedia {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (size < 1) {
            throw new IllegalArgumentException("a stored file has at least one byte: " + size);
        }
    }
}
