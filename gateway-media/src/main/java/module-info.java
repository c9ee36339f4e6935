/**
 * Storage for the files an app's users upload: {@link dev.jgi.media.MediaStorage}, its local-directory
 * backend, and the service interface through which gateway-s3 adds buckets. Depends on the JDK alone.
 */
module dev.jgi.media {
    exports dev.jgi.media;

    uses dev.jgi.media.MediaStorageProvider;
}
