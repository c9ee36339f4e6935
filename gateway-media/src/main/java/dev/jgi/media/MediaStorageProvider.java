package dev.jgi.media;

/**
 * A backend that another artifact adds, found with {@link java.util.ServiceLoader} when
 * {@link MediaStorage#open(StorageUrl)} meets a scheme other than {@code file}: gateway-s3 provides
 * {@code s3}. Implementations have a public no-argument constructor and are stateless.
 */
public interface MediaStorageProvider {

    /** The scheme this provider opens, such as {@code s3}. */
    String scheme();

    /**
     * Opens the storage at {@code url}, whose scheme is {@link #scheme()}.
     *
     * @throws IllegalArgumentException when the URL is malformed for this backend, with a message fit
     *     for the command line or a start-up error
     */
    MediaStorage open(StorageUrl url);
}
