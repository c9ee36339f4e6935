package dev.jgi.assets.index;

import dev.jgi.assets.http.ContentCoding;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One servable form of an asset: the file itself, or a precompressed sibling ({@code .br}, {@code .gz}).
 * Small representations keep their bytes in a read-only direct buffer, so they are sent from memory
 * on the IO thread without a system call to open a file.
 */
public final class Representation {

    private final Optional<ContentCoding> coding;
    private final Path file;
    private final long size;
    private final String etag;
    private final ByteBuffer inline;

    Representation(Optional<ContentCoding> coding, Path file, long size, String etag, ByteBuffer inline) {
        this.coding = Objects.requireNonNull(coding, "coding");
        this.file = Objects.requireNonNull(file, "file");
        this.size = size;
        this.etag = Objects.requireNonNull(etag, "etag");
        this.inline = inline == null ? null : inline.asReadOnlyBuffer();
    }

    /** The content coding, empty for the identity form. */
    public Optional<ContentCoding> coding() {
        return coding;
    }

    /** The file holding this form's bytes. */
    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    /** The strong entity tag, quoted; each form of an asset has its own. */
    public String etag() {
        return etag;
    }

    /** Whether the bytes are kept in memory. */
    public boolean isInline() {
        return inline != null;
    }

    /**
     * A fresh read-only view of the in-memory bytes, positioned at 0.
     *
     * @throws IllegalStateException when this form is not kept in memory
     */
    public ByteBuffer inlineView() {
        if (inline == null) {
            throw new IllegalStateException(file + " is not kept in memory");
        }
        return inline.duplicate();
    }
}
