package dev.jgi.servlet.embedded;

import dev.jgi.servlet.JgiServlet;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One fresh application per container, each behind the bridge at the same mount, started before a
 * test class's first test and stopped after its last: register it on an instance field with
 * {@code @RegisterExtension} in a class whose test instance lives per class.
 */
final class EachContainer<A> implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<A> app;
    private final Function<A, JgiServlet> servlet;
    private final String mountPath;
    private final Map<Container, A> apps = new EnumMap<>(Container.class);
    private final Map<Container, Deployment> running = new EnumMap<>(Container.class);

    EachContainer(Supplier<A> app, Function<A, JgiServlet> servlet, String mountPath) {
        this.app = app;
        this.servlet = servlet;
        this.mountPath = mountPath;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        for (Container container : Container.values()) {
            A instance = app.get();
            apps.put(container, instance);
            running.put(container, container.start(servlet.apply(instance), mountPath));
        }
    }

    A app(Container container) {
        return apps.get(container);
    }

    InetSocketAddress at(Container container) {
        return running.get(container).address();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        for (Deployment deployment : running.values()) {
            deployment.close();
        }
    }
}
