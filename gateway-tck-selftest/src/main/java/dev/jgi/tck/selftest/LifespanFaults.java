package dev.jgi.tck.selftest;

import dev.jgi.api.Capability;
import dev.jgi.api.Lifespan;
import dev.jgi.api.ServerInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Faults in how the server starts and stops the application [JGI-LIFE-*]. */
final class LifespanFaults {

    private LifespanFaults() {}

    static List<Fault> all() {
        return List.of(
                // The server goes on serving what it no longer declares: the tests of an undeclared
                // capability, skipped against the reference server, now run and must fail.
                undeclared("early-hints-sent-undeclared", Capability.EARLY_HINTS, "JGI-CAP-5"),
                undeclared("websocket-upgraded-undeclared", Capability.WEBSOCKET, "JGI-CAP-2"),
                Wrap.lifespan("start-called-twice", Set.of("JGI-LIFE-1", "JGI-LIFE-5"), new Wrap.Lifespan() {
                    @Override
                    public Map<String, Object> start(Lifespan app, ServerInfo server) throws Exception {
                        app.start(server);
                        return app.start(server);
                    }

                    @Override
                    public void stop(Lifespan app) throws Exception {
                        app.stop();
                    }
                }),
                Wrap.lifespan("stop-never-called", Set.of("JGI-LIFE-5"), new Wrap.Lifespan() {
                    @Override
                    public Map<String, Object> start(Lifespan app, ServerInfo server) throws Exception {
                        return app.start(server);
                    }

                    @Override
                    public void stop(Lifespan app) {}
                }),
                Wrap.lifespan("stop-after-failed-start", Set.of("JGI-LIFE-6", "JGI-LIFE-3"), new Wrap.Lifespan() {
                    @Override
                    public Map<String, Object> start(Lifespan app, ServerInfo server) throws Exception {
                        try {
                            return app.start(server);
                        } catch (Exception e) {
                            app.stop();
                            throw e;
                        }
                    }

                    @Override
                    public void stop(Lifespan app) throws Exception {
                        app.stop();
                    }
                }),
                Wrap.lifespan(
                        "wrong-spec-version", Set.of("JGI-VER-1", "JGI-LIFE-1", "JGI-CAP-1"), new Wrap.Lifespan() {
                            @Override
                            public Map<String, Object> start(Lifespan app, ServerInfo server) throws Exception {
                                return app.start(
                                        new ServerInfo(server.name(), server.version(), "0.9", server.capabilities()));
                            }

                            @Override
                            public void stop(Lifespan app) throws Exception {
                                app.stop();
                            }
                        }));
    }

    /**
     * The application is told the server lacks {@code capability}, in {@code ServerInfo} and in
     * each request [JGI-CAP-6], while the server's own exchanges still serve it.
     */
    private static Fault undeclared(String name, Capability capability, String clause) {
        return Wrap.lifespanAndRequest(
                name,
                Set.of(clause),
                new Wrap.Lifespan() {
                    @Override
                    public Map<String, Object> start(Lifespan app, ServerInfo server) throws Exception {
                        Set<Capability> declared = EnumSet.noneOf(Capability.class);
                        declared.addAll(server.capabilities());
                        declared.remove(capability);
                        return app.start(
                                new ServerInfo(server.name(), server.version(), server.specVersion(), declared));
                    }

                    @Override
                    public void stop(Lifespan app) throws Exception {
                        app.stop();
                    }
                },
                request -> {
                    Set<Capability> held = EnumSet.noneOf(Capability.class);
                    held.addAll(request.capabilities());
                    held.remove(capability);
                    return request.toBuilder().capabilities(held).build();
                });
    }
}
