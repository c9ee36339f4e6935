package dev.jgi.servlet.embedded;

import dev.jgi.servlet.JgiServlet;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** One fresh application per container, each behind the bridge at the same mount, for a test class. */
final class EachContainer<A> implements AutoCloseable {

    private final Map<Container, A> apps = new EnumMap<>(Container.class);
    private final Map<Container, Deployment> running = new EnumMap<>(Container.class);

    static <A> EachContainer<A> start(Supplier<A> app, Function<A, JgiServlet> servlet, String mountPath)
            throws Exception {
        EachContainer<A> each = new EachContainer<>();
        for (Container container : Container.values()) {
            A instance = app.get();
            each.apps.put(container, instance);
            each.running.put(container, container.start(servlet.apply(instance), mountPath));
        }
        return each;
    }

    A app(Container container) {
        return apps.get(container);
    }

    InetSocketAddress at(Container container) {
        return running.get(container).address();
    }

    @Override
    public void close() throws Exception {
        for (Deployment deployment : running.values()) {
            deployment.close();
        }
    }
}
