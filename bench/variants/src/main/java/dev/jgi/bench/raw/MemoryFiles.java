package dev.jgi.bench.raw;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files of one directory, read into direct buffers at start and written on the IO thread: the
 * least work raw Undertow can do for a small static file. It is the baseline that separates what
 * JGI's static handler adds from what Undertow and the JVM cost on their own (the tail of a 16 KiB
 * file against nginx's, issue 17).
 */
final class MemoryFiles implements HttpHandler {
    private final Map<String, ByteBuffer> files;

    MemoryFiles(Path dir) {
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile)
                    .collect(Collectors.toUnmodifiableMap(file -> "/" + file.getFileName(), MemoryFiles::load));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer load(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        ByteBuffer file = files.get(exchange.getRelativePath());
        if (file == null) {
            exchange.setStatusCode(404).endExchange();
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/octet-stream");
        exchange.getResponseSender().send(file.duplicate());
    }
}
