package dev.jgi.validator;

import dev.jgi.api.Lifespan;
import dev.jgi.api.Request;
import dev.jgi.api.ServerInfo;
import java.util.Map;
import java.util.Optional;

/** Watches start, stop and the state handed to requests [JGI-LIFE-1] to [JGI-LIFE-6]. */
final class LifespanCheck {

    private final Lifespan app;
    private final Reporter reporter;
    private volatile ServerInfo info;
    private volatile Map<String, Object> state;
    private boolean startCalled;
    private boolean stopCalled;

    LifespanCheck(Lifespan app, Reporter reporter) {
        this.app = app;
        this.reporter = reporter;
    }

    Map<String, Object> start(ServerInfo server) throws Exception {
        synchronized (this) {
            if (startCalled) {
                reporter.report(Violation.byServer("JGI-LIFE-1", "start was called a second time"));
            }
            startCalled = true;
        }
        if (server == null) {
            reporter.report(Violation.byServer("JGI-CAP-1", "start received no ServerInfo"));
        } else if (!ServerInfo.SPEC_VERSION.equals(server.specVersion())) {
            reporter.report(Violation.byServer(
                    "JGI-VER-1",
                    "specVersion is \"" + server.specVersion() + "\", not \"" + ServerInfo.SPEC_VERSION + "\""));
        }
        Map<String, Object> started = app.start(server);
        if (started == null) {
            reporter.report(Violation.byApplication("JGI-LIFE-8", "start returned null instead of a state map"));
        }
        info = server;
        state = started;
        return started;
    }

    void stop() throws Exception {
        synchronized (this) {
            if (stopCalled) {
                reporter.report(Violation.byServer("JGI-LIFE-5", "stop was called a second time"));
            }
            if (state == null) {
                reporter.report(
                        Violation.byServer("JGI-LIFE-6", "stop was called though start did not return normally"));
            }
            stopCalled = true;
        }
        app.stop();
    }

    /** The server's description, once {@code start} ran. */
    Optional<ServerInfo> info() {
        return Optional.ofNullable(info);
    }

    /** [JGI-LIFE-1] [JGI-REQ-7] */
    void request(Request request) {
        Map<String, Object> expected = state;
        if (expected == null) {
            reporter.report(Violation.byServer("JGI-LIFE-1", "a request arrived before start returned"));
        } else if (expected != request.state()) {
            // Identity, not equality: a copy per request would hide the writes of other requests.
            reporter.report(Violation.byServer(
                    "JGI-REQ-7", "the request's state is not the map object start returned (another map, or a copy)"));
        }
        if (stopCalled) {
            reporter.report(Violation.byServer("JGI-LIFE-5", "a request arrived after stop"));
        }
    }
}
