package dev.jgi.tck.selftest;

import dev.jgi.api.Completion;
import dev.jgi.api.Request;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Faults in fields of the values the server hands the application that the other mutants leave
 * alone: what a completion hook is told [JGI-DONE-3] and the client's certificates in
 * {@code Request.tls} [JGI-TLS-2].
 */
final class ValueFaults {

    private ValueFaults() {}

    static List<Fault> all() {
        return List.of(
                completion(
                        "completion-bytes-not-counted",
                        done -> new Completion(done.status(), 0, done.error(), done.duration())),
                completion(
                        "completion-error-dropped",
                        done -> new Completion(done.status(), done.bytesSent(), Optional.empty(), done.duration())),
                completion(
                        "completion-500-reported-as-abort",
                        done -> done.status() != 500
                                ? done
                                : new Completion(
                                        500,
                                        done.bytesSent(),
                                        Optional.of(new IOException("the answered failure reported as an abort")),
                                        done.duration())),
                Wrap.request(
                        "client-certificates-dropped",
                        Set.of("JGI-TLS-2"),
                        r -> new Request(
                                r.method(),
                                r.scheme(),
                                r.version(),
                                r.target(),
                                r.headers(),
                                r.client(),
                                r.server(),
                                r.tls()
                                        .map(tls -> new Request.Tls(
                                                tls.protocol(), tls.cipherSuite(), List.of(), tls.serverName())),
                                r.state(),
                                r.extensions(),
                                r.kind())));
    }

    /** A server that hands the sync application's completion hooks a wrong {@link Completion}. */
    private static Fault completion(String name, UnaryOperator<Completion> corrupt) {
        return Fault.ofApps(
                name,
                Set.of("JGI-DONE-3"),
                app -> Wrap.sync(
                        app,
                        (request, exchange) -> app.handle(request, new Faults.DelegatingExchange(exchange) {
                            @Override
                            public void onComplete(java.util.function.Consumer<Completion> hook) {
                                exchange.onComplete(done -> hook.accept(corrupt.apply(done)));
                            }
                        })),
                app -> app);
    }
}
