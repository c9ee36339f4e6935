package dev.jgi.server.http;

import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Headers;
import dev.jgi.kernel.response.TrailerFraming;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.util.HttpString;
import java.util.concurrent.CompletableFuture;

/**
 * {@code 103 Early Hints} on Undertow [JGI-EXT-3] [JGI-EXT-11].
 *
 * <p>Undertow has one public way to write an interim response, {@link
 * ServerConnection#sendOutOfBandResponse}, and guards it for {@code 100 Continue}: it serves only
 * an exchange whose request carries {@code Expect: 100-continue}. The guard reads nothing of that
 * exchange but its protocol and request fields; the interim exchange it returns is written on the
 * connection itself, not through the exchange it was given: over HTTP/1.1 a status line and fields
 * through the connection's first sink conduit, which Undertow puts back once the interim exchange
 * completed; over HTTP/2 a HEADERS frame, through the connection's HPACK encoder, on the request's
 * stream and without END_STREAM. So a carrier exchange on the same connection that carries only
 * that field opens the same path for a 103, and the request's own exchange is left alone (it can
 * still send its own 100). Writing the bytes here instead would bypass the HTTP/2 encoder and
 * framing, and on HTTP/1.1 compete with the response conduit for write readiness.
 *
 * <p>Over HTTP/2 the same path does not work in Undertow 2.4.4: its HEADERS frame carries
 * END_STREAM for every status but 100 ({@code Http2DataStreamSinkChannel.isContinueStatus}), which
 * would end the stream before the final response. Undertow offers no public handle on the stream
 * (its {@code Http2Channel} and stream id stay inside {@code Http2ServerConnection}), so an
 * HTTP/2 request does not hold {@code EARLY_HINTS} (RequestCapabilities) and never gets here:
 * {@code sendEarlyHints} returns false and an {@code EarlyHints} action fails as undeclared
 * [JGI-CAP-5] [JGI-CAP-6].
 */
final class Interim {

    private static final int EARLY_HINTS = 103;

    private Interim() {}

    /**
     * Sends the hints as a 103, on the I/O thread; the stage completes with whether they were sent,
     * once the transport accepted them. Nothing is sent toward HTTP/1.0 or after the response
     * started.
     */
    static CompletableFuture<Boolean> earlyHints(Transport transport, Headers hints) {
        CompletableFuture<Boolean> sent = new CompletableFuture<>();
        transport.execute(() -> {
            HttpServerExchange exchange = transport.exchange;
            if (transport.phase() != Transport.Phase.OPEN
                    || exchange.isResponseStarted()
                    || !TrailerFraming.earlyHintsReach(exchange.getProtocol().toString())) {
                sent.complete(false);
                return;
            }
            ServerConnection connection = exchange.getConnection();
            HttpServerExchange carrier = new HttpServerExchange(connection);
            carrier.setProtocol(exchange.getProtocol());
            carrier.getRequestHeaders().put(io.undertow.util.Headers.EXPECT, HttpContinue.CONTINUE);
            HttpServerExchange interim = connection.sendOutOfBandResponse(carrier);
            interim.setStatusCode(EARLY_HINTS);
            interim.setReasonPhrase("Early Hints");
            hints.forEach((name, value) -> interim.getResponseHeaders().add(HttpString.tryFromString(name), value));
            interim.addExchangeCompleteListener((ex, next) -> {
                next.proceed();
                sent.complete(true);
            });
            transport.hooks.add(completion -> sent.completeExceptionally(
                    new ClientDisconnectedException("[JGI-DISC-4] the exchange ended before the 103 was sent")));
            interim.endExchange();
        });
        return sent;
    }
}
