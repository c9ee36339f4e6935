package dev.jgi.tck.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgi.tck.report.OutcomeCollector;
import dev.jgi.tck.spi.Protocol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One run of the server suite, kept in JUnit's root store: its servers and its outcomes. JUnit
 * closes it when the run ends, which writes the report and then stops the servers.
 */
public final class TckRun implements AutoCloseable {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TckRun.class);

    private final ServerSession session;
    private final OutcomeCollector outcomes = new OutcomeCollector("server");

    private TckRun(TckSettings settings) {
        this.session = new ServerSession(settings);
    }

    /** The run this test belongs to, created with the first test. */
    public static TckRun of(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        TckRun.class,
                        k -> new TckRun(TckSettings.from(context::getConfigurationParameter)),
                        TckRun.class);
    }

    public ServerSession session() {
        return session;
    }

    public OutcomeCollector outcomes() {
        return outcomes;
    }

    @Override
    public void close() throws Exception {
        try {
            outcomes.finish(
                    session.serverName(),
                    this::facts,
                    session.settings().reportDir().map(Path::of));
        } finally {
            session.close();
        }
    }

    private OutcomeCollector.ServerFacts facts() {
        JsonNode info = session.serverInfo();
        List<String> capabilities = new ArrayList<>(session.capabilities());
        return new OutcomeCollector.ServerFacts(
                info.path("name").asText(),
                info.path("version").asText(),
                info.path("specVersion").asText(),
                capabilities,
                session.protocols().stream().map(Protocol::token).toList());
    }
}
