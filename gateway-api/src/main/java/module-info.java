/**
 * The JGI 1.0 contract between servers and applications. Depends on the JDK alone.
 */
module dev.jgi.api {
    exports dev.jgi.api;
}
