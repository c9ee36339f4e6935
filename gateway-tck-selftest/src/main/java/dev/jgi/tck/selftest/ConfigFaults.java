package dev.jgi.tck.selftest;

import dev.jgi.api.Capability;
import dev.jgi.api.ServerInfo;
import dev.jgi.server.ServerConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Faults of a server configured wrongly where a conforming server has no choice: a mount prefix it
 * does not apply, sync applications queued behind one thread, HTTP/2 declared but not offered.
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
                h2DeclaredNotOffered());
    }

    /** The TLS listener speaks HTTP/1.1 only, while the applications are told it has HTTP2. */
    private static Fault h2DeclaredNotOffered() {
        Fault declared = Wrap.lifespan("h2-declared-not-offered", Set.of("JGI-H2-2"), new Wrap.Lifespan() {
            @Override
            public Map<String, Object> start(dev.jgi.api.Lifespan app, ServerInfo server) throws Exception {
                Set<Capability> claimed = EnumSet.of(Capability.HTTP2);
                claimed.addAll(server.capabilities());
                return app.start(new ServerInfo(server.name(), server.version(), server.specVersion(), claimed));
            }

            @Override
            public void stop(dev.jgi.api.Lifespan app) throws Exception {
                app.stop();
            }
        });
        return new Fault(
                declared.name(),
                declared.clauses(),
                declared.sync(),
                declared.async(),
                WireFault.NONE,
                builder -> builder.http2(false));
    }
}
