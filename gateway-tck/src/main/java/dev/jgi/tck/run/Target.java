package dev.jgi.tck.run;

import dev.jgi.tck.Variant;
import java.net.InetSocketAddress;

/**
 * Where one probe deployment listens.
 *
 * @param variant   which probe it is
 * @param address   its loopback address
 * @param mountPath the mount prefix it was started under
 */
public record Target(Variant variant, InetSocketAddress address, String mountPath) {}
