package dev.jgi.tck.selftest;

import dev.jgi.api.BodyTooLargeException;
import java.util.List;
import java.util.Set;

/** Faults in the request body's length and limits [JGI-BODY-13, JGI-LIM-7, JGI-LIM-8, JGI-LIM-9]. */
final class BodyLimitFaults {

    private BodyLimitFaults() {}

    static List<Fault> all() {
        return List.of(
                Wrap.request(
                        "content-length-hidden",
                        Set.of("JGI-BODY-13"),
                        r -> r.withHeaders(r.headers().without("content-length"))),
                Fault.ofApps(
                        "exchange-limit-ignored",
                        Set.of("JGI-LIM-7", "JGI-LIM-8", "JGI-LIM-9"),
                        app -> Wrap.sync(
                                app,
                                (request, exchange) -> app.handle(request, new DelegatingExchange(exchange) {
                                    @Override
                                    public void limitBody(long maxBytes) {
                                        // The mutant: the application's lower limit never reaches the body.
                                    }
                                })),
                        app -> Wrap.async(
                                app,
                                (request, channel) -> app.handle(request, new ForwardingChannel(channel) {
                                    @Override
                                    public void limitBody(long maxBytes) {
                                        // The mutant: the application's lower limit never reaches the events.
                                    }
                                }))),
                Fault.ofApps(
                        "body-over-limit-answered-500",
                        Set.of("JGI-LIM-8"),
                        app -> Wrap.sync(app, (request, exchange) -> {
                            try {
                                return app.handle(request, exchange);
                            } catch (BodyTooLargeException e) {
                                // The mutant: the cause is dropped, so the server cannot see the body was too large.
                                throw new IllegalStateException(
                                        "a failure the server does not recognise: " + e.getMessage());
                            }
                        }),
                        app -> app));
    }
}
