package dev.jgi.distribution;

import dev.jgi.testing.Command;

/** Whether the tests run as root, which installing a package and entering a chroot need. */
final class Root {

    /** Why a test that needs root does not run otherwise. */
    static final String NEEDED = "needs root (mount namespaces, chroot, dpkg): run as root, as CI does";

    private Root() {}

    static boolean isRoot() {
        return Command.of("id", "-u").run().successfulOutput().strip().equals("0");
    }
}
