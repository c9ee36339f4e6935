package dev.jgi.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Where an app keeps the files its users upload: a local directory ({@link LocalMediaStorage}, the
 * default) or an S3-compatible bucket (gateway-s3). Apps open it once at start-up with
 * {@link #fromEnvironment()} and close it at shutdown. Implementations are thread-safe.
 */
public interface MediaStorage extends AutoCloseable {

    /** The environment variable (or system property) that names the storage. */
    String URL_VARIABLE = "MEDIA_STORAGE_URL";

    /** The storage when {@value #URL_VARIABLE} is not set: the directory {@code ./media}. */
    String DEFAULT_URL = "file:./media";

    /**
     * Streams {@code content} into storage under a new {@link MediaName}, checking {@code rules} as the
     * bytes arrive; the whole file is never held in memory. On any failure nothing of the upload remains
     * (a local backend writes to a temporary name and moves it into place; a bucket aborts its
     * multipart upload). The stream is read, not closed.
     *
     * @throws UploadRejected when the content breaks a rule: too large, empty, or not an accepted type
     * @throws IOException when reading the content or writing the storage fails
     */
    StoredMedia store(InputStream content, UploadRules rules) throws UploadRejected, IOException;

    /** Opens a stored file for reading; empty when there is no file of that name. */
    Optional<MediaContent> open(MediaName name) throws IOException;

    /** Deletes a stored file; whether it existed. */
    boolean delete(MediaName name) throws IOException;

    /**
     * The URL a page links to: site-relative such as {@code /media/NAME} for a directory the app serves,
     * or absolute (a bucket's public URL or a presigned one, which expires) for a bucket.
     */
    String url(MediaName name);

    /**
     * The origin ({@code scheme://host[:port]}) of the URLs {@link #url} gives, for a
     * {@code Content-Security-Policy}; empty when they are site-relative.
     */
    Optional<String> origin();

    /** Releases the backend's connections; a directory holds none. */
    @Override
    default void close() {}

    /**
     * The storage this process is configured with: {@value #URL_VARIABLE} from the environment, else
     * from the system properties, else {@value #DEFAULT_URL}.
     *
     * @throws IllegalArgumentException when the value is malformed or names a backend that is not on the
     *     class path
     */
    static MediaStorage fromEnvironment() {
        String url = Optional.ofNullable(System.getenv(URL_VARIABLE))
                .or(() -> Optional.ofNullable(System.getProperty(URL_VARIABLE)))
                .filter(v -> !v.isBlank())
                .orElse(DEFAULT_URL);
        return open(StorageUrl.parse(url));
    }

    /**
     * Opens the storage a URL names: {@code file:DIR} (or a plain path) here, other schemes through a
     * {@link MediaStorageProvider} on the class path.
     *
     * @throws IllegalArgumentException when the URL is malformed or no provider handles its scheme
     */
    static MediaStorage open(StorageUrl url) {
        if (url.scheme().equals("file")) {
            return LocalMediaStorage.open(url);
        }
        for (MediaStorageProvider provider :
                ServiceLoader.load(MediaStorageProvider.class, MediaStorage.class.getClassLoader())) {
            if (provider.scheme().equals(url.scheme())) {
                return provider.open(url);
            }
        }
        throw new IllegalArgumentException("no media storage for " + url.scheme() + ": URLs on the class path"
                + (url.scheme().equals("s3") ? " (add the gateway-s3 artifact to the app)" : ""));
    }
}
