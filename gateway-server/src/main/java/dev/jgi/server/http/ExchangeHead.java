package dev.jgi.server.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;

/**
 * The raw head an HTTP/1.1 connection's {@link HeadScanner} recorded for one exchange. The scanner
 * records heads in the order they arrive, so each exchange must take exactly one record, in the
 * order Undertow starts them: {@link Connections#watch} does it for every request, before anything
 * answers it (the static files as well as the application), so that a request one handler answers
 * never leaves its record to the next request on the connection.
 */
final class ExchangeHead {

    private static final AttachmentKey<HeadInfo> KEY = AttachmentKey.create(HeadInfo.class);

    private ExchangeHead() {}

    /**
     * Takes the next record from {@code scanner} for {@code exchange}, just started. A record that
     * does not describe the head Undertow parsed means the scanner lost count: it is told so, and
     * this connection's requests fall back to Undertow's parsed heads.
     *
     * @param scanner the connection's scanner, or null when it has none (HTTP/2)
     */
    static void take(HttpServerExchange exchange, HeadScanner scanner) {
        HeadInfo head = scanner == null ? null : scanner.next();
        if (head == null) {
            return;
        }
        if (head.describes(exchange.getRequestMethod().toString(), RequestMapper.rawTarget(exchange))) {
            exchange.putAttachment(KEY, head);
        } else {
            scanner.lose();
        }
    }

    /** The record taken for {@code exchange}, or null when there is none. */
    static HeadInfo of(HttpServerExchange exchange) {
        return exchange.getAttachment(KEY);
    }
}
