package dev.jgi.server.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * SIGTERM and SIGINT start a graceful shutdown. A JVM shutdown hook would exit with 143 or 130;
 * handling the signals lets {@code jgi} finish in-flight requests and exit 0, as process managers
 * expect of a clean stop. A second signal exits at once.
 *
 * <p>The JDK's only way to handle a signal is {@code sun.misc.Signal} (module {@code
 * jdk.unsupported}, which exports it for exactly this use). It is reached by reflection: javac warns
 * of every compiled use of an internal proprietary API, that warning has no suppression, and this
 * module builds with {@code -Werror}. The names are checked at start, so a JDK without them fails
 * there with the reason, not at the first signal.
 */
final class Signals {

    private Signals() {}

    /** SIGHUP reloads the TLS certificate and key, as nginx and HAProxy do. */
    static void onHangUp(Runnable reload) {
        handle("HUP", reload);
    }

    static void onTerminate(Runnable shutdown) {
        boolean[] seen = new boolean[1];
        Runnable once = () -> {
            synchronized (seen) {
                if (seen[0]) {
                    Runtime.getRuntime().halt(1);
                }
                seen[0] = true;
            }
            shutdown.run();
        };
        handle("TERM", once);
        handle("INT", once);
    }

    /** {@code Signal.handle(new Signal(name), signal -> action.run())}, through reflection. */
    private static void handle(String name, Runnable action) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object listener = Proxy.newProxyInstance(
                    Signals.class.getClassLoader(), new Class<?>[] {handler}, (proxy, method, arguments) -> {
                        switch (method.getName()) {
                            case "handle" -> action.run();
                            case "hashCode" -> {
                                return System.identityHashCode(proxy);
                            }
                            case "equals" -> {
                                return proxy == arguments[0];
                            }
                            case "toString" -> {
                                return "jgi's SIG" + name + " handler";
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                        return null;
                    });
            signal.getMethod("handle", signal, handler)
                    .invoke(null, signal.getConstructor(String.class).newInstance(name), listener);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot handle SIG" + name + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot handle SIG" + name + ": " + e, e);
        }
    }
}
