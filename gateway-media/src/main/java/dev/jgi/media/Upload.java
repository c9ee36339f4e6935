package dev.jgi.media;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Optional;

/**
 * One upload on its way to a backend: the rules are checked as the bytes stream past, so that a
 * backend writes while it reads and never holds the whole file. {@link #begin} reads the first bytes
 * and rejects a wrong type before anything is written; {@link #content()} then fails with an
 * {@link IOException} that {@link #rejection} recognises as soon as the file passes the size limit.
 * Backends use it as:
 * <pre>{@code
 * Upload upload = Upload.begin(content, rules);
 * try { ...write upload.content() under upload.name()... }
 * catch (IOException e) { ...remove what was written...; throw Upload.rejection(e).orElseThrow(() -> e); }
 * }</pre>
 * Confined to one thread.
 */
public final class Upload {

    private final MediaName name;
    private final ImageType type;
    private final Limited content;

    private Upload(MediaName name, ImageType type, Limited content) {
        this.name = name;
        this.type = type;
        this.content = content;
    }

    /**
     * Reads the first bytes of {@code content} and checks its type.
     *
     * @throws UploadRejected when the content is empty or none of the accepted types
     */
    public static Upload begin(InputStream content, UploadRules rules) throws UploadRejected, IOException {
        byte[] head = content.readNBytes(ImageType.SNIFF_LENGTH);
        if (head.length == 0) {
            throw new UploadRejected(UploadRejected.Reason.EMPTY, "The file is empty.");
        }
        Optional<ImageType> type = ImageType.sniff(head, head.length).filter(rules.accepted()::contains);
        if (type.isEmpty()) {
            throw new UploadRejected(
                    UploadRejected.Reason.UNSUPPORTED_TYPE,
                    "The file is not an image of an accepted type (" + names(rules) + ").");
        }
        InputStream all = new SequenceInputStream(new ByteArrayInputStream(head), content);
        return new Upload(MediaName.random(type.get()), type.get(), new Limited(all, rules.maxBytes()));
    }

    public MediaName name() {
        return name;
    }

    public ImageType type() {
        return type;
    }

    /** The whole file, from its first byte; reading past the limit throws. */
    public InputStream content() {
        return content;
    }

    /** How many bytes {@link #content()} has given so far: the size, once it is read to the end. */
    public long size() {
        return content.count;
    }

    /** What a backend stored once it has read {@link #content()} to the end. */
    public StoredMedia stored() {
        return new StoredMedia(name, type, content.count);
    }

    /** The rejection behind an exception that {@link #content()} threw past the limit; empty for other failures. */
    public static Optional<UploadRejected> rejection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TooLarge tooLarge) {
                return Optional.of(tooLarge.rejection);
            }
        }
        return Optional.empty();
    }

    private static String names(UploadRules rules) {
        return rules.accepted().stream()
                .sorted()
                .map(t -> t.name())
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
    }

    /** Counts the bytes and fails on the first one past the limit. */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) {
            throw new UnsupportedOperationException("an upload is read, not skipped");
        }

        private void counted(int n) throws TooLarge {
            count += n;
            if (count > max) {
                throw new TooLarge(new UploadRejected(
                        UploadRejected.Reason.TOO_LARGE, "The file is larger than " + readable(max) + "."));
            }
        }
    }

    /** Thrown from inside a backend's copy loop, which only passes {@link IOException}s on. */
    private static final class TooLarge extends IOException {
        private final transient UploadRejected rejection;

        TooLarge(UploadRejected rejection) {
            super(rejection.getMessage(), null);
            this.rejection = rejection;
        }
    }

    /** {@code 10 MiB}, {@code 512 KiB} or {@code 100 bytes}. */
    static String readable(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
