package dev.jgi.tck.selftest;

import dev.jgi.api.Completion;
import dev.jgi.api.Request;
import dev.jgi.api.RequestTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Faults in fields of the values the server hands the application that the other mutants leave
 * alone: what a completion hook is told [JGI-DONE-3], {@code Request.tls} and the scheme and
 * version that go with it, and the decoded path.
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
                        r -> with(
                                r,
                                r.scheme(),
                                r.version(),
                                r.tls()
                                        .map(tls -> new Request.Tls(
                                                tls.protocol(), tls.cipherSuite(), List.of(), tls.serverName())))),
                Wrap.request(
                        "tls-reported-on-plain",
                        Set.of("JGI-REQ-6"),
                        r -> r.tls().isPresent()
                                ? r
                                : with(
                                        r,
                                        r.scheme(),
                                        r.version(),
                                        Optional.of(new Request.Tls(
                                                "TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(), Optional.empty())))),
                Wrap.request(
                        "scheme-http-over-tls",
                        Set.of("JGI-TLS-1", "JGI-REQ-2"),
                        r -> r.tls().isPresent() ? with(r, "http", r.version(), r.tls()) : r),
                Wrap.request(
                        "http2-reported-as-http-1.1",
                        Set.of("JGI-H2-1", "JGI-REQ-3"),
                        r -> r.version().equals("HTTP/2") ? with(r, r.scheme(), "HTTP/1.1", r.tls()) : r),
                Wrap.request(
                        "mount-point-path-as-slash",
                        Set.of("JGI-PATH-3", "JGI-PATH-4"),
                        r -> !r.target().mountPath().isEmpty()
                                        && r.target().path().isEmpty()
                                ? r.withTarget(path(r.target(), "/"))
                                : r),
                Wrap.request(
                        "path-decoded-as-latin-1",
                        Set.of("JGI-PATH-3", "JGI-PATH-6"),
                        r -> r.withTarget(path(
                                r.target(),
                                new String(
                                        r.target().path().getBytes(StandardCharsets.UTF_8),
                                        StandardCharsets.ISO_8859_1)))),
                // Undecoded (the dot-segment tests' paths need no other decoding) and unnormalised.
                Wrap.request(
                        "dot-segments-kept",
                        Set.of("JGI-PATH-3", "JGI-PATH-8"),
                        r -> r.target().mountPath().isEmpty()
                                        && r.target()
                                                .rawPath()
                                                .toLowerCase(Locale.ROOT)
                                                .matches(".*/(\\.|%2e).*")
                                ? r.withTarget(path(
                                        r.target(),
                                        r.target().rawPath().replace("%2e", ".").replace("%2E", ".")))
                                : r));
    }

    private static Request with(Request r, String scheme, String version, Optional<Request.Tls> tls) {
        return r.toBuilder().scheme(scheme).version(version).tls(tls).build();
    }

    private static RequestTarget path(RequestTarget target, String path) {
        return new RequestTarget(target.raw(), target.rawPath(), target.mountPath(), path, target.query());
    }

    /** A server that hands the sync application's completion hooks a wrong {@link Completion}. */
    private static Fault completion(String name, UnaryOperator<Completion> corrupt) {
        return Fault.ofApps(
                name,
                Set.of("JGI-DONE-3"),
                app -> Wrap.sync(
                        app,
                        (request, exchange) -> app.handle(request, new DelegatingExchange(exchange) {
                            @Override
                            public void onComplete(java.util.function.Consumer<Completion> hook) {
                                exchange.onComplete(done -> hook.accept(corrupt.apply(done)));
                            }
                        })),
                app -> app);
    }
}
