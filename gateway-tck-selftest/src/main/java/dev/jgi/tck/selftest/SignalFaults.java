package dev.jgi.tck.selftest;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import dev.jgi.api.Completion;
import dev.jgi.api.Event;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Faults of the disconnect and drain signals: callbacks dropped, so that a server that declares
 * the capability never runs them [JGI-DISC-6] [JGI-LIFE-9], or a disconnect callback run when
 * every exchange ends, whole responses included [JGI-DISC-7].
 */
final class SignalFaults {

    private SignalFaults() {}

    /** What a faulty exchange does with a callback, given the server's exchange or channel. */
    private interface Registration extends BiConsumer<Runnable, Signals> {}

    /** The server's registrations the fault may use. */
    private record Signals(
            Consumer<Runnable> disconnect, Consumer<Runnable> drain, Consumer<Consumer<Completion>> done) {}

    static List<Fault> all() {
        return List.of(
                fault("disconnect-callback-dropped", Set.of("JGI-DISC-6"), (callback, server) -> {}, null),
                fault("drain-callback-dropped", Set.of("JGI-LIFE-9"), null, (callback, server) -> {}),
                fault(
                        "disconnect-callback-run-at-every-end",
                        Set.of("JGI-DISC-7"),
                        (callback, server) -> {
                            // Once, as the server's would, but also when the response went out whole.
                            AtomicBoolean ran = new AtomicBoolean();
                            Runnable once = () -> {
                                if (ran.compareAndSet(false, true)) {
                                    callback.run();
                                }
                            };
                            server.disconnect().accept(once);
                            server.done().accept(done -> once.run());
                        },
                        null));
    }

    /** A fault whose exchange registers disconnect or drain callbacks its own way; null keeps the server's. */
    private static Fault fault(String name, Set<String> clauses, Registration onDisconnect, Registration onDrain) {
        return Fault.ofApps(
                name,
                clauses,
                app -> Wrap.sync(
                        app,
                        (request, exchange) -> app.handle(request, new DelegatingExchange(exchange) {
                            private final Signals server =
                                    new Signals(exchange::onDisconnect, exchange::onDrain, exchange::onComplete);

                            @Override
                            public void onDisconnect(Runnable callback) {
                                register(onDisconnect, callback, server, server.disconnect());
                            }

                            @Override
                            public void onDrain(Runnable callback) {
                                register(onDrain, callback, server, server.drain());
                            }
                        })),
                app -> Wrap.async(
                        app,
                        (request, channel) -> app.handle(request, new Channel() {
                            private final Signals server =
                                    new Signals(channel::onDisconnect, channel::onDrain, channel::onComplete);

                            @Override
                            public CompletionStage<Event> receive() {
                                return channel.receive();
                            }

                            @Override
                            public CompletionStage<Void> send(Action action) {
                                return channel.send(action);
                            }

                            @Override
                            public void onComplete(Consumer<Completion> hook) {
                                channel.onComplete(hook);
                            }

                            @Override
                            public void limitBody(long maxBytes) {
                                channel.limitBody(maxBytes);
                            }

                            @Override
                            public dev.jgi.api.Headers requestTrailers() {
                                return channel.requestTrailers();
                            }

                            @Override
                            public void onDisconnect(Runnable callback) {
                                register(onDisconnect, callback, server, server.disconnect());
                            }

                            @Override
                            public void onDrain(Runnable callback) {
                                register(onDrain, callback, server, server.drain());
                            }
                        })));
    }

    private static void register(Registration fault, Runnable callback, Signals server, Consumer<Runnable> faithful) {
        if (fault == null) {
            faithful.accept(callback);
        } else {
            fault.accept(callback, server);
        }
    }
}
