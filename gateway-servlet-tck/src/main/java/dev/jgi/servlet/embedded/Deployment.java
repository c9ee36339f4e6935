package dev.jgi.servlet.embedded;

import java.net.InetSocketAddress;

/** A servlet container running a JGI servlet; closing it stops the container and the application. */
public interface Deployment extends AutoCloseable {

    /** Where the container listens. */
    InetSocketAddress address();

    @Override
    void close() throws Exception;

    /** The servlet mapping that makes {@code mountPath} the mount prefix: {@code /*} or {@code /mnt/*}. */
    static String mapping(String mountPath) {
        if (!mountPath.isEmpty() && (!mountPath.startsWith("/") || mountPath.endsWith("/"))) {
            throw new IllegalArgumentException("[JGI-PATH-2] a mount path is empty or like /mnt: " + mountPath);
        }
        return mountPath + "/*";
    }
}
