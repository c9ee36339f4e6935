package dev.jgi.tck.selftest;

import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Exchange;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

/** Faults in how the request body reaches a sync application: a broken body passed off as a whole one. */
final class RequestBodyFaults {

    private RequestBodyFaults() {}

    static List<Fault> all() {
        return List.of(Fault.ofApps(
                "malformed-chunking-read-as-the-end",
                Set.of("JGI-BODY-9"),
                app -> (request, exchange) -> app.handle(request, new ErrorHidingExchange(exchange)),
                app -> app));
    }

    /**
     * An exchange whose body ends where the server's read failed on the body's own bytes; a client
     * that left is still reported, so only malformed framing is hidden.
     */
    private static final class ErrorHidingExchange extends DelegatingExchange {
        private final InputStream body;

        ErrorHidingExchange(Exchange server) {
            super(server);
            this.body = new FilterInputStream(server.body()) {
                @Override
                public int read() throws IOException {
                    try {
                        return super.read();
                    } catch (ClientDisconnectedException gone) {
                        throw gone;
                    } catch (IOException malformed) {
                        return -1;
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return super.read(b, off, len);
                    } catch (ClientDisconnectedException gone) {
                        throw gone;
                    } catch (IOException malformed) {
                        return -1;
                    }
                }
            };
        }

        @Override
        public InputStream body() {
            return body;
        }
    }
}
