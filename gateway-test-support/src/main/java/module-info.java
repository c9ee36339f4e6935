/**
 * The project's shared test fixtures. It reuses the TCK's raw client rather than the other way
 * round: the TCK ships to vendors and must not depend on test code.
 */
module dev.jgi.testing {
    requires transitive dev.jgi.tck;

    exports dev.jgi.testing;
    exports dev.jgi.testing.doccommands;
}
