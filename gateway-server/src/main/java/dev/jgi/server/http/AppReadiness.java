package dev.jgi.server.http;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The reference server's readiness hook for applications, outside the JGI contract: an application
 * whose lifespan {@code start} returns, under the key {@value #STATE_KEY}, a
 * {@link BooleanSupplier} makes the admin listener's {@code /readyz} answer 503 while the supplier
 * says false (its database is down, say), so that load balancers stop sending to it and resume by
 * themselves. Only JDK types are involved, so the application depends on no server library, and a
 * server that does not know the key merely passes it on in {@code Request.state()}.
 *
 * <p>The supplier is called on an I/O thread at every probe: it must answer at once from a value the
 * application keeps up to date, never open a connection itself. One that throws counts as not ready.
 */
public final class AppReadiness {

    /** The lifespan state key the server reads the supplier from. */
    public static final String STATE_KEY = "jgi.readiness";

    private static final Logger LOG = Logger.getLogger(AppReadiness.class.getName());

    private AppReadiness() {}

    /**
     * Whether the application with this lifespan state says it is ready: true without a supplier.
     *
     * @throws IllegalArgumentException if the key holds something other than a {@link BooleanSupplier}
     */
    static boolean of(Map<String, Object> state) {
        Object check = state.get(STATE_KEY);
        if (check == null) {
            return true;
        }
        try {
            return ((BooleanSupplier) check).getAsBoolean();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the application's readiness check failed; /readyz answers 503", e);
            return false;
        }
    }

    /** Refuses, at start-up, a state whose readiness entry is not a {@link BooleanSupplier}. */
    public static void validate(Map<String, Object> state) {
        Object check = state.get(STATE_KEY);
        if (check != null && !(check instanceof BooleanSupplier)) {
            throw new IllegalArgumentException(
                    "the lifespan state's \"" + STATE_KEY + "\" must be a java.util.function.BooleanSupplier, got "
                            + check.getClass().getName());
        }
    }
}
