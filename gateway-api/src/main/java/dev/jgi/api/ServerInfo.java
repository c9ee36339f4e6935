package dev.jgi.api;

import java.util.Objects;
import java.util.Set;

/**
 * What a server tells an application once, at start-up [JGI-CAP-1]: who it is, which version of
 * this specification it implements, and which optional features it offers.
 *
 * @param name         the server's name, for example "jgi-reference"
 * @param version      the server's own version
 * @param specVersion  the JGI version implemented, "1.0" for this one [JGI-VER-1]
 * @param capabilities the optional features offered; those that hold for one request are in
 *                     {@link Request#capabilities()} [JGI-CAP-6]
 */
public record ServerInfo(String name, String version, String specVersion, Set<Capability> capabilities) {

    /** The version of the specification these types belong to. */
    public static final String SPEC_VERSION = "1.0";

    public ServerInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(specVersion, "specVersion");
        Objects.requireNonNull(capabilities, "capabilities");
        capabilities = Set.copyOf(capabilities);
    }

    public boolean supports(Capability capability) {
        return capabilities.contains(capability);
    }
}
