package dev.jgi.validator;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * A {@code Body.Stream} as the server reads it: counted, so that its length is checked against the
 * content-length at its end [JGI-FRAME-5], and closed exactly once [JGI-BODYOUT-3].
 */
final class CheckedStream extends InputStream {

    private final InputStream input;
    private final LengthCheck length;
    private final CheckedExchange exchange;
    private final Reporter reporter;
    private boolean ended;
    private int closes;

    CheckedStream(
            InputStream input,
            String method,
            int status,
            OptionalLong declared,
            CheckedExchange exchange,
            Reporter reporter) {
        this.input = input;
        this.length = new LengthCheck(method, status, declared, reporter);
        this.exchange = exchange;
        this.reporter = reporter;
        exchange.hooks().atEnd(this::checkClosed);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        int n = input.read(b, off, len);
        if (n < 0) {
            if (!ended) {
                ended = true;
                exchange.bodyWritten();
                length.end();
            }
        } else {
            length.add(n);
        }
        return n;
    }

    @Override
    public synchronized void close() throws IOException {
        if (++closes > 1) {
            reporter.report(Violation.byServer("JGI-BODYOUT-3", "the body stream was closed twice"));
        }
        input.close();
    }

    private synchronized void checkClosed() {
        if (closes == 0) {
            reporter.report(Violation.byServer("JGI-BODYOUT-3", "the exchange ended without closing the body stream"));
        }
    }
}
