package dev.jgi.docs.guide.authors;

import dev.jgi.api.Action;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Body;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/** A file download that honours a single byte range, sync and async. */
final class Downloads {

    private Downloads() {}

    // #region range
    /** One satisfiable range of {@code bytes=FIRST-LAST}, {@code bytes=FIRST-} or {@code bytes=-SUFFIX}. */
    record ByteRange(long first, long last) {
        static Optional<ByteRange> parse(String header, long size) {
            if (!header.startsWith("bytes=") || header.contains(",") || size == 0) {
                return Optional.empty();
            }
            String[] ends = header.substring("bytes=".length()).strip().split("-", 2);
            try {
                if (ends.length != 2) {
                    return Optional.empty();
                }
                if (ends[0].isEmpty()) {
                    long suffix = Long.parseLong(ends[1]);
                    return suffix == 0
                            ? Optional.empty()
                            : Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
                }
                long first = Long.parseLong(ends[0]);
                long last = ends[1].isEmpty() ? size - 1 : Math.min(Long.parseLong(ends[1]), size - 1);
                return first > last ? Optional.empty() : Optional.of(new ByteRange(first, last));
            } catch (NumberFormatException malformed) {
                return Optional.empty();
            }
        }

        long length() {
            return last - first + 1;
        }

        Headers headers(long size) {
            return Headers.of("content-range", "bytes " + first + "-" + last + "/" + size, "accept-ranges", "bytes");
        }
    }
    // #endregion range

    static Application sync(Path file) {
        // #region download-sync
        Application download = (request, exchange) -> {
            long size = file.toFile().length();
            Optional<ByteRange> range = request.header("range").flatMap(value -> ByteRange.parse(value, size));
            if (range.isEmpty()) {
                return Response.of(200, Headers.of("accept-ranges", "bytes"), Body.file(file));
            }
            ByteRange bytes = range.get();
            return Response.of(
                    206,
                    bytes.headers(size),
                    new Body.FileRegion(file, bytes.first(), OptionalLong.of(bytes.length())));
        };
        // #endregion download-sync
        return download;
    }

    static AsyncApplication async(Path file) {
        // #region download-async
        AsyncApplication download = (request, channel) -> {
            long size = file.toFile().length();
            Optional<ByteRange> range = request.header("range").flatMap(value -> ByteRange.parse(value, size));
            Action.ResponseStart start = range.map(bytes -> new Action.ResponseStart(206, bytes.headers(size), false))
                    .orElse(new Action.ResponseStart(200, Headers.of("accept-ranges", "bytes"), false));
            long offset = range.map(ByteRange::first).orElse(0L);
            long length = range.map(ByteRange::length).orElse(size);
            return channel.send(start)
                    .thenCompose(sent ->
                            channel.send(new Action.ResponseFile(file, offset, OptionalLong.of(length), false)));
        };
        // #endregion download-async
        return download;
    }
}
