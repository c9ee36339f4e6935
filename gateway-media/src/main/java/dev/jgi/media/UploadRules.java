package dev.jgi.media;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What an upload must be to be stored.
 *
 * @param maxBytes the largest accepted file, at least 1; one byte more and the upload is rejected
 *     with {@link UploadRejected.Reason#TOO_LARGE} while it streams, before it is stored
 * @param accepted the types accepted, by sniffed content; not empty
 */
public record UploadRules(long maxBytes, Set<ImageType> accepted) {

    /** 10 MiB, Django's {@code DATA_UPLOAD_MAX_MEMORY_SIZE} order of magnitude for a single image. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    public UploadRules {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1: " + maxBytes);
        }
        Objects.requireNonNull(accepted, "accepted");
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("at least one type must be accepted");
        }
        accepted = Set.copyOf(accepted);
    }

    /** Every {@link ImageType}, up to {@code maxBytes}. */
    public static UploadRules images(long maxBytes) {
        return new UploadRules(maxBytes, EnumSet.allOf(ImageType.class));
    }
}
