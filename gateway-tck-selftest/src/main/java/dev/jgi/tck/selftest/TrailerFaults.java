package dev.jgi.tck.selftest;

import dev.jgi.api.Channel;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Faults of trailers, both ways: where a response's travel and how, and the request's own. */
final class TrailerFaults {

    private TrailerFaults() {}

    static List<Fault> all() {
        return List.of(
                Fault.ofApps(
                        "request-trailers-dropped",
                        Set.of("JGI-BODY-14", "JGI-BODY-2"),
                        app -> Wrap.sync(
                                app,
                                (request, exchange) -> app.handle(request, new DelegatingExchange(exchange) {
                                    @Override
                                    public Headers requestTrailers() {
                                        return Headers.of();
                                    }
                                })),
                        app -> Wrap.async(app, (request, channel) -> app.handle(request, new NoTrailers(channel)))),
                Fault.ofApps(
                        "trailer-supplier-called-for-head",
                        Set.of("JGI-EXT-8"),
                        app -> Wrap.sync(app, (request, exchange) -> {
                            Response response = app.handle(request, exchange);
                            if (response.trailers().isEmpty()) {
                                return response;
                            }
                            Headers fields = response.trailers().get().get();
                            return response.withTrailers(() -> fields);
                        }),
                        app -> app),
                Fault.ofApps(
                        "trailers-only-with-te-trailers",
                        Set.of("JGI-EXT-9"),
                        app -> Wrap.sync(app, (request, exchange) -> {
                            Response response = app.handle(request, exchange);
                            boolean announced = request.headers().all("te").stream()
                                    .anyMatch(te -> te.toLowerCase(Locale.ROOT).contains("trailers"));
                            return announced
                                    ? response
                                    : Response.of(response.status(), response.headers(), response.body());
                        }),
                        app -> app),
                // EXT-1 and EXT-9 too: their tests read the same responses, which now carry two framings.
                Fault.ofWire(
                        "content-length-beside-trailers",
                        Set.of("JGI-EXT-7", "JGI-EXT-1", "JGI-EXT-9"),
                        new WireFault() {
                            @Override
                            public String response(String head) {
                                String lower = head.toLowerCase(Locale.ROOT);
                                return lower.contains("\r\ntrailer:")
                                                && lower.contains("transfer-encoding: chunked")
                                                && !lower.contains("content-length:")
                                        ? head.substring(0, head.length() - 2) + "Content-Length: 13\r\n\r\n"
                                        : head;
                            }
                        }));
    }

    /** A channel whose request never has trailers. */
    private static final class NoTrailers extends ForwardingChannel {
        NoTrailers(Channel server) {
            super(server);
        }

        @Override
        public dev.jgi.api.Headers requestTrailers() {
            return dev.jgi.api.Headers.of();
        }
    }
}
