package dev.jgi.tck.selftest;

import dev.jgi.server.ServerConfig;
import java.util.List;
import java.util.Set;

/**
 * Faults of a server configured wrongly where a conforming server has no choice: a mount prefix it
 * does not apply, sync applications queued behind one thread.
 */
final class ConfigFaults {

    private ConfigFaults() {}

    static List<Fault> all() {
        return List.of(
                // The mount tests also name the clauses of the mount's shape and split.
                Fault.ofConfig(
                        "mount-prefix-ignored",
                        Set.of("JGI-PATH-5", "JGI-PATH-2", "JGI-PATH-3", "JGI-PATH-4"),
                        builder -> builder.mountPath("")),
                Fault.ofConfig(
                        "sync-apps-on-one-platform-thread",
                        Set.of("JGI-APP-2"),
                        builder -> builder.threads(ServerConfig.ThreadModel.PLATFORM)
                                .platformThreads(1)));
    }
}
