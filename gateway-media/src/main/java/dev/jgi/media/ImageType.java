package dev.jgi.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats an upload may be, recognised by their magic numbers (the signatures their
 * specifications define), never by a file name or a client's {@code Content-Type}. SVG is absent on
 * purpose: it is a document that can carry scripts, not an image a page can embed safely.
 */
public enum ImageType {
    /** PNG: the 8-byte signature of the PNG specification, section 5.2. */
    PNG("image/png", "png", "\u0089PNG\r\n\u001a\n"),
    /** JPEG: a start-of-image marker followed by the start of another marker. */
    JPEG("image/jpeg", "jpg", "\u00ff\u00d8\u00ff"),
    /** GIF: {@code GIF87a} or {@code GIF89a}. */
    GIF("image/gif", "gif", "GIF8"),
    /** WebP: a RIFF container whose form type is {@code WEBP}. */
    WEBP("image/webp", "webp", "RIFF");

    /** How many leading bytes {@link #sniff} needs to tell every format apart. */
    public static final int SNIFF_LENGTH = 12;

    private final String contentType;
    private final String extension;
    /** The signature's bytes as ISO-8859-1 characters, one per byte: a String, so the enum stays immutable. */
    private final String magic;

    ImageType(String contentType, String extension, String magic) {
        this.contentType = contentType;
        this.extension = extension;
        this.magic = magic;
    }

    /** The {@code Content-Type} the file is stored and served with. */
    public String contentType() {
        return contentType;
    }

    /** The extension of the stored name, without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * The format the first bytes of a file show.
     *
     * @param head the first bytes, at least {@value #SNIFF_LENGTH} unless the file is shorter
     * @param length how many bytes of {@code head} are valid
     */
    public static Optional<ImageType> sniff(byte[] head, int length) {
        byte[] valid = Arrays.copyOf(head, Math.min(length, head.length));
        for (ImageType type : values()) {
            if (type.matches(valid)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private boolean matches(byte[] head) {
        if (!new String(head, StandardCharsets.ISO_8859_1).startsWith(magic)) {
            return false;
        }
        return switch (this) {
            case GIF -> head.length >= 6 && (head[4] == '7' || head[4] == '9') && head[5] == 'a';
            case WEBP ->
                head.length >= 12 && Arrays.equals(head, 8, 12, "WEBP".getBytes(StandardCharsets.US_ASCII), 0, 4);
            case PNG, JPEG -> true;
        };
    }

    /** The format whose stored names end in {@code .extension}. */
    static Optional<ImageType> byExtension(String extension) {
        return Arrays.stream(values())
                .filter(type -> type.extension.equals(extension))
                .findFirst();
    }
}
