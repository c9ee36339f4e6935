package dev.jgi.assets.index;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A servable file as the index knows it.
 *
 * @param path the path below the root it is served at (a logical or a content-hashed name)
 * @param sha256 the hex SHA-256 of the identity content
 * @param contentType the {@code Content-Type} value
 * @param lastModified the file's modification time, to the second
 * @param lastModifiedHeader {@code lastModified} as an HTTP date
 * @param immutable whether {@code path} is the content-hashed name of this very content
 * @param cacheControl the {@code Cache-Control} value the options give for {@code immutable}
 * @param identity the uncompressed form
 * @param encoded the precompressed forms, smallest first
 */
public record Asset(
        String path,
        String sha256,
        String contentType,
        Instant lastModified,
        String lastModifiedHeader,
        boolean immutable,
        String cacheControl,
        Representation identity,
        List<Representation> encoded) {

    public Asset {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(lastModifiedHeader, "lastModifiedHeader");
        Objects.requireNonNull(cacheControl, "cacheControl");
        Objects.requireNonNull(identity, "identity");
        encoded = List.copyOf(encoded);
    }

    /**
     * The form to send for an {@code Accept-Encoding} value: the smallest precompressed form the client
     * accepts, else the identity form.
     *
     * @param acceptEncoding the header value, or {@code null}
     */
    public Representation select(String acceptEncoding) {
        if (acceptEncoding != null) {
            for (Representation r : encoded) {
                if (r.coding().map(c -> c.acceptedBy(acceptEncoding)).orElse(false)) {
                    return r;
                }
            }
        }
        return identity;
    }

    /** Whether the response varies with {@code Accept-Encoding}. */
    public boolean hasVariants() {
        return !encoded.isEmpty();
    }

    /** The same asset served under its content-hashed name, with immutable caching. */
    Asset asHashed(String hashedPath, String immutableCacheControl) {
        return new Asset(
                hashedPath,
                sha256,
                contentType,
                lastModified,
                lastModifiedHeader,
                true,
                immutableCacheControl,
                identity,
                encoded);
    }
}
