package dev.jgi.tck;

/** Which probe deployment a server test talks to. */
public enum Variant {
    /** The sync probe ({@link dev.jgi.tck.probe.ProbeApp}) at the root. */
    SYNC(""),
    /** The async probe ({@link dev.jgi.tck.probe.AsyncProbeApp}) at the root. */
    ASYNC(""),
    /** The sync probe under the mount prefix {@code /mnt}. */
    MOUNTED("/mnt"),
    /** The sync probe run through {@link dev.jgi.api.AsyncApplication#fromSync}, embedded servers only. */
    ADAPTED_SYNC(""),
    /** The async probe run through {@link dev.jgi.api.Application#fromAsync}, embedded servers only. */
    ADAPTED_ASYNC(""),
    /** The sync probe on the TLS listener of {@link dev.jgi.tck.spi.ServerUnderTest#startSecure}, embedded servers only. */
    SECURE("");

    private final String mountPath;

    Variant(String mountPath) {
        this.mountPath = mountPath;
    }

    public String mountPath() {
        return mountPath;
    }
}
