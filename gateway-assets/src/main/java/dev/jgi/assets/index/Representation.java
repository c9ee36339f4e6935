package dev.jgi.assets.index;

import dev.jgi.assets.http.ContentCoding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
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
    private final AssetRoot root;
    private final Path realRelative;
    private final long size;
    private final String etag;
    private final ByteBuffer inline;

    Representation(
            Optional<ContentCoding> coding,
            Path file,
            AssetRoot root,
            Path realRelative,
            long size,
            String etag,
            ByteBuffer inline) {
        this.coding = Objects.requireNonNull(coding, "coding");
        this.file = Objects.requireNonNull(file, "file");
        this.root = Objects.requireNonNull(root, "root");
        this.realRelative = Objects.requireNonNull(realRelative, "realRelative");
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

    /**
     * Opens the file for reading, confined to the root it was found in: a symbolic link that took the
     * place of the file, or of a directory on its way, since the index was built is not followed.
     *
     * @throws NoSuchFileException when the file is gone or such a link is in its place
     * @throws IOException when it cannot be opened otherwise
     */
    public FileChannel open() throws IOException {
        return root.open(realRelative);
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
