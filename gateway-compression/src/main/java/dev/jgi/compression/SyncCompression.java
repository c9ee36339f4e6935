package dev.jgi.compression;

import dev.jgi.api.Application;
import dev.jgi.api.Body;
import dev.jgi.api.Exchange;
import dev.jgi.api.Middleware;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/** The sync middleware: a compressed response's body becomes a writer that encodes the original one. */
final class SyncCompression implements Middleware {

    private final Options options;

    SyncCompression(Options options) {
        this.options = options;
    }

    // Negotiation returns the very same Headers when it changed nothing: identity is the cheap test.
    @SuppressWarnings("ReferenceEquality")
    @Override
    public Response handle(Request request, Exchange exchange, Application next) throws Exception {
        Response response = next.handle(request, exchange);
        Negotiation decision =
                Negotiation.of(request, response.status(), response.headers(), length(response), options);
        if (decision.coding().isEmpty()) {
            return decision.headers() == response.headers() ? response : response.withHeaders(decision.headers());
        }
        Coding coding = decision.coding().get();
        Body original = response.body();
        Body.Writer encoded = out -> {
            try (OutputStream encoder = coding.encoder(new KeptOpen(out), options)) {
                copy(original, new KeptOpen(encoder));
            }
        };
        return response.withHeaders(decision.headers()).withBody(encoded);
    }

    private static OptionalLong length(Response response) throws IOException {
        OptionalLong declared = response.headers()
                .first("content-length")
                .map(value -> OptionalLong.of(Long.parseLong(value.strip())))
                .orElse(OptionalLong.empty());
        if (declared.isPresent()) {
            return declared;
        }
        return switch (response.body()) {
            case Body.Empty empty -> OptionalLong.of(0);
            case Body.Bytes bytes -> OptionalLong.of(bytes.length());
            case Body.Text text -> OptionalLong.of(text.text().getBytes(text.charset()).length);
            case Body.FileRegion file ->
                file.length().isPresent()
                        ? file.length()
                        : OptionalLong.of(Math.max(0, Files.size(file.path()) - file.offset()));
            case Body.Stream stream -> OptionalLong.empty();
            case Body.Writer writer -> OptionalLong.empty();
        };
    }

    /** Writes any body kind to {@code out}, as a server would; closes a stream body's input [JGI-BODYOUT-3]. */
    private static void copy(Body body, OutputStream out) throws IOException {
        switch (body) {
            case Body.Empty empty -> {}
            case Body.Bytes bytes -> Channels.newChannel(out).write(bytes.data());
            case Body.Text text -> out.write(text.text().getBytes(text.charset()));
            case Body.FileRegion file -> {
                try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
                    long end = file.length().isPresent()
                            ? file.offset() + file.length().getAsLong()
                            : channel.size();
                    ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
                    for (long position = file.offset(); position < end; ) {
                        buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
                        int n = channel.read(buffer, position);
                        if (n < 0) {
                            throw new IOException("the file is shorter than its region: " + file.path());
                        }
                        out.write(buffer.array(), 0, n);
                        position += n;
                    }
                }
            }
            case Body.Stream stream -> {
                try (InputStream in = stream.input()) {
                    in.transferTo(out);
                }
            }
            case Body.Writer writer -> writer.writeTo(out);
        }
    }

    /** A stream whose {@code close} only flushes: the server, not the body, closes the response stream. */
    private static final class KeptOpen extends FilterOutputStream {
        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
