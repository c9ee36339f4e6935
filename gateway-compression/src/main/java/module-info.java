/**
 * Response compression for JGI: gzip and brotli middleware for sync and async applications,
 * written against the public {@code dev.jgi.api} alone.
 */
module dev.jgi.compression {
    exports dev.jgi.compression;

    requires transitive dev.jgi.api;
    // Brotli's encoder; its native library comes by service binding, as in gateway-assets.
    requires com.aayushatharva.brotli4j;
}
