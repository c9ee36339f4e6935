package dev.jgi.tck.run;

import dev.jgi.tck.spi.ServerUnderTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Finds the server under test: a server registered in this JVM by name (how the command line and
 * the self-test hand over an instance), a {@link ServiceLoader} provider by {@link ServerUnderTest#name()},
 * a class name, or the only provider on the class path.
 */
public final class ServerResolver {

    private static final Map<String, ServerUnderTest> REGISTERED = new ConcurrentHashMap<>();

    private ServerResolver() {}

    /** Makes {@code server} available under its name for runs in this JVM. */
    public static void register(ServerUnderTest server) {
        REGISTERED.put(server.name(), server);
    }

    public static void unregister(ServerUnderTest server) {
        REGISTERED.remove(server.name(), server);
    }

    /** The names of the servers on the class path, for help texts. */
    public static List<String> available() {
        return ServiceLoader.load(ServerUnderTest.class).stream()
                .map(p -> p.get().name())
                .sorted()
                .toList();
    }

    public static ServerUnderTest resolve(Optional<String> nameOrClass) {
        if (nameOrClass.isPresent() && REGISTERED.containsKey(nameOrClass.get())) {
            return REGISTERED.get(nameOrClass.get());
        }
        List<ServerUnderTest> providers = ServiceLoader.load(ServerUnderTest.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        if (nameOrClass.isEmpty()) {
            if (providers.size() == 1) {
                return providers.getFirst();
            }
            throw new IllegalStateException("set " + TckSettings.SERVER + " to one of " + names(providers)
                    + " or to a class implementing " + ServerUnderTest.class.getName()
                    + ", or set " + TckSettings.ENDPOINT + " for a server started outside the TCK");
        }
        String wanted = nameOrClass.get();
        for (ServerUnderTest provider : providers) {
            if (provider.name().equals(wanted)) {
                return provider;
            }
        }
        try {
            Class<?> type = Class.forName(wanted, true, Thread.currentThread().getContextClassLoader());
            return (ServerUnderTest) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(
                    "no server named '" + wanted + "' (known: " + names(providers)
                            + ") and no class of that name implementing " + ServerUnderTest.class.getName(),
                    e);
        }
    }

    private static String names(List<ServerUnderTest> providers) {
        return providers.isEmpty()
                ? "none on the class path"
                : providers.stream().map(ServerUnderTest::name).collect(Collectors.joining(", "));
    }
}
