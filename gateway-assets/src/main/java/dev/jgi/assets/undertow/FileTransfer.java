package dev.jgi.assets.undertow;

import dev.jgi.assets.index.Representation;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import org.xnio.IoUtils;

/**
 * Sends a slice of an asset's file as the whole response body, with {@link FileRegionSend}, corked
 * when it is long enough to go out by {@code sendfile}.
 */
final class FileTransfer {

    private FileTransfer() {}

    static void start(HttpServerExchange exchange, Representation form, long first, long length, Cork cork) {
        FileChannel file;
        try {
            file = form.open();
        } catch (IOException e) {
            // Nothing is committed yet: the file vanished, became unreadable, or a link took its place
            // since it was indexed.
            exchange.setStatusCode(
                    e instanceof NoSuchFileException ? StatusCodes.NOT_FOUND : StatusCodes.INTERNAL_SERVER_ERROR);
            exchange.getResponseHeaders().clear();
            exchange.setResponseContentLength(0);
            exchange.endExchange();
            return;
        }
        // Also closes the file when the client goes away mid-transfer and no write event comes again.
        exchange.addExchangeCompleteListener((done, next) -> {
            IoUtils.safeClose(file);
            next.proceed();
        });
        cork.forFileRegion(exchange, length);
        FileRegionSend.start(file, exchange.getResponseChannel(), first, length, exchange::endExchange, failure -> {
            // The status line is sent: all that is left is to drop the connection so the client sees a short body.
            IoUtils.safeClose(exchange.getConnection());
            exchange.endExchange();
        });
    }
}
