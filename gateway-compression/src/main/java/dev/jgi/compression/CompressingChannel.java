package dev.jgi.compression;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import dev.jgi.api.Completion;
import dev.jgi.api.Event;
import dev.jgi.api.Request;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The async middleware's view of the server's channel: the response start decides, and each body
 * piece is encoded and flushed on its own, so pieces keep their timing. Sends are one at a time
 * [JGI-STREAM-3], so the encoder needs no lock.
 */
final class CompressingChannel implements Channel {

    private final Request request;
    private final Channel server;
    private final Options options;
    private ByteArrayOutputStream encoded;
    private OutputStream encoder;

    CompressingChannel(Request request, Channel server, Options options) {
        this.request = request;
        this.server = server;
        this.options = options;
    }

    @Override
    public CompletionStage<Event> receive() {
        return server.receive();
    }

    @Override
    public void onComplete(Consumer<Completion> hook) {
        server.onComplete(hook);
    }

    @Override
    public void limitBody(long maxBytes) {

        server.limitBody(maxBytes);
    }

    @Override
    public dev.jgi.api.Headers requestTrailers() {
        return server.requestTrailers();
    }

    @Override
    public void onDisconnect(Runnable callback) {
        server.onDisconnect(callback);
    }

    @Override
    public void onDrain(Runnable callback) {
        server.onDrain(callback);
    }

    @Override
    public CompletionStage<Void> send(Action action) {
        return switch (action) {
            case Action.ResponseStart start -> start(start);
            case Action.ResponseBody piece
            when encoder != null -> {
                try {
                    yield server.send(new Action.ResponseBody(encode(piece.data(), !piece.more()), piece.more()));
                } catch (IOException e) {
                    yield CompletableFuture.failedFuture(e);
                }
            }
            case Action.ResponseFile file
            when encoder != null ->
                // Reading the file blocks: not on the server's I/O thread [JGI-APP-4].
                CompletableFuture.runAsync(
                        () -> sendFile(file), command -> Thread.ofVirtual().start(command));
            default -> server.send(action);
        };
    }

    private CompletionStage<Void> start(Action.ResponseStart start) {
        OptionalLong length = start.headers()
                .first("content-length")
                .map(value -> OptionalLong.of(Long.parseLong(value.strip())))
                .orElse(OptionalLong.empty());
        Negotiation decision = Negotiation.of(request, start.status(), start.headers(), length, options);
        if (decision.coding().isPresent()) {
            encoded = new ByteArrayOutputStream();
            try {
                encoder = decision.coding().get().encoder(encoded, options);
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return server.send(new Action.ResponseStart(start.status(), decision.headers(), start.trailers()));
    }

    /** The coded bytes of one piece, flushed; the last piece finishes the coding. */
    private ByteBuffer encode(ByteBuffer data, boolean last) throws IOException {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        encoder.write(bytes);
        if (last) {
            encoder.close();
        } else {
            encoder.flush();
        }
        ByteBuffer out = ByteBuffer.wrap(encoded.toByteArray());
        encoded.reset();
        return out;
    }

    /** The file region as coded pieces of at most 16 KiB, each sent before the next is read. */
    private void sendFile(Action.ResponseFile file) {
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            long end = file.length().isPresent() ? file.offset() + file.length().getAsLong() : channel.size();
            long position = file.offset();
            do {
                ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(16 * 1024, end - position));
                while (chunk.hasRemaining()) {
                    if (channel.read(chunk, position + chunk.position()) < 0) {
                        throw new IOException("the file is shorter than its region: " + file.path());
                    }
                }
                position += chunk.flip().remaining();
                boolean more = position < end || file.more();
                server.send(new Action.ResponseBody(encode(chunk, !more), more))
                        .toCompletableFuture()
                        .join();
            } while (position < end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
