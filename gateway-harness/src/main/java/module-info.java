/**
 * Runs JGI applications in process, without a server: the harness plays the server's part of the
 * contract faithfully, so that a test sees what a conforming server would send.
 */
module dev.jgi.harness {
    requires transitive dev.jgi.api;
    requires dev.jgi.kernel;

    exports dev.jgi.harness;
}
