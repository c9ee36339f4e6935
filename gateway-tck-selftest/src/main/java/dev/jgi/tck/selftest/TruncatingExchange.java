package dev.jgi.tck.selftest;

import dev.jgi.api.Exchange;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An exchange whose request body ends early, after a given number of bytes. */
final class TruncatingExchange extends DelegatingExchange {
    private final InputStream cut;

    TruncatingExchange(Exchange server, int limit) {
        super(server);
        this.cut = new BufferedInputStream(new FilterInputStream(server.body()) {
            private int left = limit;

            @Override
            public int read() throws IOException {
                return left-- > 0 ? super.read() : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, Math.min(len, left));
                left -= Math.max(0, n);
                return n;
            }
        });
    }

    @Override
    public InputStream body() {
        return cut;
    }
}
