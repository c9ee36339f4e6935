package dev.jgi.validator;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * The request body as a sync application reads it: the end stays the end and comes after
 * content-length bytes [JGI-BODY-1], and never runs past the limit the exchange set [JGI-LIM-7];
 * reading after the response was written is the application's fault [JGI-APP-8]. It reports what
 * the server's stream does and enforces nothing: it does not reuse the kernel's {@code LimitedBody},
 * the enforcing side, so that a fault there cannot hide from the check.
 */
final class CheckedInput extends InputStream {

    private final InputStream body;
    private final OptionalLong contentLength;
    private final BooleanSupplier responseWritten;
    private final Reporter reporter;
    private long read;
    private volatile long limit = Long.MAX_VALUE;
    private boolean ended;

    CheckedInput(InputStream body, OptionalLong contentLength, BooleanSupplier responseWritten, Reporter reporter) {
        this.body = body;
        this.contentLength = contentLength;
        this.responseWritten = responseWritten;
        this.reporter = reporter;
    }

    /** The application or a middleware lowered the exchange's limit to {@code maxBytes}. */
    synchronized void limited(long maxBytes) {
        limit = Math.min(limit, maxBytes);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (responseWritten.getAsBoolean()) {
            reporter.report(
                    Violation.byApplication("JGI-APP-8", "the request body was read after the response was written"));
        }
        int n = body.read(b, off, len);
        if (n < 0) {
            if (!ended && contentLength.isPresent() && read != contentLength.getAsLong()) {
                reporter.report(Violation.byServer(
                        "JGI-BODY-1",
                        "the body ended after " + read + " bytes; its content-length is " + contentLength.getAsLong()));
            }
            ended = true;
            return n;
        }
        if (ended && n > 0) {
            reporter.report(Violation.byServer("JGI-BODY-10", "the body stream gave bytes after its end"));
            return n;
        }
        read += n;
        if (read > limit) {
            reporter.report(Violation.byServer(
                    "JGI-LIM-7", "the body gave " + read + " bytes under an exchange limit of " + limit));
        }
        if (contentLength.isPresent() && read > contentLength.getAsLong()) {
            reporter.report(Violation.byServer(
                    "JGI-BODY-1", "the body runs past its content-length " + contentLength.getAsLong()));
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return body.available();
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
