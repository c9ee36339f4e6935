package dev.jgi.tck.selftest;

import dev.jgi.api.Capability;
import dev.jgi.api.Lifespan;
import dev.jgi.api.ServerInfo;
import dev.jgi.server.ServerConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Faults of a server configured wrongly where a conforming server has no choice: a mount prefix it
 * does not apply, sync applications queued behind one thread, a TLS listener without h2.
 */
final class ConfigFaults {

    private ConfigFaults() {}

    static List<Fault> all() {
        return List.of(
                // The mount tests also name the clauses of the mount's shape and split; PATH-1's test
                // checks the configured mount against one a request header names.
                Fault.ofConfig(
                        "mount-prefix-ignored",
                        Set.of("JGI-PATH-5", "JGI-PATH-2", "JGI-PATH-3", "JGI-PATH-4", "JGI-PATH-1"),
                        builder -> builder.mountPath("")),
                Fault.ofConfig(
                        "sync-apps-on-one-platform-thread",
                        // A second stream, or the request that tells the first one's client left,
                        // waits behind the one thread: the streaming and disconnect tests fail too.
                        Set.of("JGI-APP-2", "JGI-STREAM-1", "JGI-STREAM-2", "JGI-DISC-1", "JGI-DISC-4"),
                        builder -> builder.threads(ServerConfig.ThreadModel.PLATFORM)
                                .platformThreads(1)),
                // The HTTP/2 field and file-region tests' clients offer h2 by ALPN too, so they fail as well.
                h2DeclaredButNotOffered());
    }

    /**
     * A TLS listener without h2 whose applications are still told the server has HTTP2, in
     * {@code ServerInfo} and in each request [JGI-CAP-6]: without the declaration the HTTP/2 tests
     * are rightly skipped.
     */
    private static Fault h2DeclaredButNotOffered() {
        Fault declared = Wrap.lifespanAndRequest(
                "h2-declared",
                Set.of(),
                new Wrap.Lifespan() {
                    @Override
                    public Map<String, Object> start(Lifespan app, ServerInfo server) throws Exception {
                        return app.start(new ServerInfo(
                                server.name(),
                                server.version(),
                                server.specVersion(),
                                withHttp2(server.capabilities())));
                    }

                    @Override
                    public void stop(Lifespan app) throws Exception {
                        app.stop();
                    }
                },
                request -> request.toBuilder()
                        .capabilities(withHttp2(request.capabilities()))
                        .build());
        return new Fault(
                "h2-not-offered-by-alpn",
                Set.of("JGI-H2-2", "JGI-H2-1", "JGI-BODYOUT-1"),
                declared.sync(),
                declared.async(),
                WireFault.NONE,
                builder -> builder.http2(false));
    }

    /** {@code capabilities} and, where a TLS listener is among them, {@code HTTP2}. */
    private static Set<Capability> withHttp2(Set<Capability> capabilities) {
        Set<Capability> claimed = EnumSet.noneOf(Capability.class);
        claimed.addAll(capabilities);
        if (claimed.contains(Capability.TLS)) {
            claimed.add(Capability.HTTP2);
        }
        return claimed;
    }
}
