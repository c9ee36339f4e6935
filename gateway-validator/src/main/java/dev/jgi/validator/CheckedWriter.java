package dev.jgi.validator;

import dev.jgi.api.Body;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@code Body.Writer} as the server calls it: at most once [JGI-BODYOUT-4], its output counted
 * against the content-length [JGI-FRAME-5], and unusable once the writer returned.
 */
final class CheckedWriter implements Body.Writer {

    private final Body.Writer writer;
    private final String method;
    private final int status;
    private final OptionalLong declared;
    private final CheckedExchange exchange;
    private final Reporter reporter;
    private final AtomicInteger calls = new AtomicInteger();

    CheckedWriter(
            Body.Writer writer,
            String method,
            int status,
            OptionalLong declared,
            CheckedExchange exchange,
            Reporter reporter) {
        this.writer = writer;
        this.method = method;
        this.status = status;
        this.declared = declared;
        this.exchange = exchange;
        this.reporter = reporter;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        if (calls.incrementAndGet() > 1) {
            reporter.report(Violation.byServer("JGI-BODYOUT-4", "the writer was called a second time"));
        }
        LengthCheck length = new LengthCheck(method, status, declared, reporter);
        Counted counted = new Counted(out, length);
        try {
            writer.writeTo(counted);
        } finally {
            counted.returned = true;
            exchange.bodyWritten();
        }
        length.end();
    }

    /** Counts what the writer writes and refuses writes after it returned. */
    private final class Counted extends OutputStream {
        private final OutputStream out;
        private final LengthCheck length;
        private volatile boolean returned;

        Counted(OutputStream out, LengthCheck length) {
            this.out = out;
            this.length = length;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            afterReturn("write");
            length.add(len);
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            afterReturn("flush");
            out.flush();
        }

        /** Only flushes: the server owns the stream and closes it after the writer returned. */
        @Override
        public void close() throws IOException {
            if (!returned) {
                out.flush();
            }
        }

        private void afterReturn(String what) throws IOException {
            if (returned) {
                reporter.report(Violation.byApplication(
                        "JGI-BODYOUT-6", "the writer used its stream (" + what + ") after it returned"));
                throw new IOException("[JGI-BODYOUT-6] the body stream is closed: the writer returned");
            }
        }
    }
}
