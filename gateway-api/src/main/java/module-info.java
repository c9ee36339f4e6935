/**
 * The JGI 1.0 contract between servers and applications. Depends on the JDK alone.
 * {@code dev.jgi.api.internal} holds the adapters' implementation and is not exported.
 */
module dev.jgi.api {
    exports dev.jgi.api;
}
