package dev.jgi.tck.selftest;

import dev.jgi.server.ServerConfig;
import java.util.List;
import java.util.Set;

/**
 * Faults of a server configured wrongly where a conforming server has no choice: a mount prefix it
 * does not apply, sync applications queued behind one thread, a TLS listener without h2.
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
                                .platformThreads(1)),
                // It still declares HTTP2, so the HTTP/2 field test, whose client offers h2 too, fails as well.
                Fault.ofConfig(
                        "h2-not-offered-by-alpn", Set.of("JGI-H2-2", "JGI-H2-1"), builder -> builder.http2(false)));
    }
}
