package dev.jgi.tck.selftest;

import dev.jgi.api.Completion;
import dev.jgi.api.Exchange;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Faults in how the server runs the completion hooks an application registers [JGI-DONE-1..4]. */
final class HookFaults {

    private static final Set<String> CLAUSES = Set.of("JGI-DONE-1", "JGI-DONE-2", "JGI-DONE-3", "JGI-DONE-4");

    private HookFaults() {}

    static List<Fault> all() {
        return List.of(
                hooks("completion-hook-skipped", (exchange, hook, registered) -> {}),
                hooks("hooks-in-registration-order", (exchange, hook, registered) -> {
                    if (registered.isEmpty()) {
                        exchange.onComplete(done -> List.copyOf(registered).forEach(h -> h.accept(done)));
                    }
                    registered.add(hook);
                }),
                hooks("hook-failure-stops-the-rest", (exchange, hook, registered) -> {
                    if (registered.isEmpty()) {
                        exchange.onComplete(done -> registered.reversed().forEach(h -> h.accept(done)));
                    }
                    registered.add(hook);
                }));
    }

    /** How a faulty server registers one completion hook. */
    private interface HookRegistry {
        void register(Exchange exchange, Consumer<Completion> hook, List<Consumer<Completion>> registered);
    }

    private static Fault hooks(String name, HookRegistry registry) {
        return Fault.ofApps(
                name,
                CLAUSES,
                app -> Wrap.sync(app, (request, exchange) -> {
                    List<Consumer<Completion>> registered = new CopyOnWriteArrayList<>();
                    return app.handle(request, new DelegatingExchange(exchange) {
                        @Override
                        public void onComplete(Consumer<Completion> hook) {
                            registry.register(exchange, hook, registered);
                        }
                    });
                }),
                app -> app);
    }
}
