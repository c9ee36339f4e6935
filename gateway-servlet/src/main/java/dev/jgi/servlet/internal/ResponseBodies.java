package dev.jgi.servlet.internal;

import dev.jgi.api.Body;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/** The length of a body, when known, and the copying of any body kind to a stream. */
final class ResponseBodies {

    private static final int CHUNK = 16 * 1024;

    private ResponseBodies() {}

    /** The body's length when its kind fixes it [JGI-BODYOUT-1]; text is encoded once, here. */
    static OptionalLong length(Body body) throws IOException {
        return switch (body) {
            case Body.Empty empty -> OptionalLong.of(0);
            case Body.Bytes bytes -> OptionalLong.of(bytes.length());
            case Body.Text text -> OptionalLong.of(text.text().getBytes(text.charset()).length);
            case Body.FileRegion file ->
                OptionalLong.of(
                        file.length().orElse(Math.max(0, java.nio.file.Files.size(file.path()) - file.offset())));
            case Body.Stream stream -> OptionalLong.empty();
            case Body.Writer writer -> OptionalLong.empty();
        };
    }

    /** Writes the body; a {@link Body.Stream}'s input is closed here, once [JGI-BODYOUT-3]. */
    static void copy(Body body, long length, OutputStream out) throws IOException {
        switch (body) {
            case Body.Empty empty -> {}
            case Body.Bytes bytes -> {
                ByteBuffer data = bytes.data();
                byte[] chunk = new byte[Math.min(CHUNK, data.remaining())];
                while (data.hasRemaining()) {
                    int n = Math.min(chunk.length, data.remaining());
                    data.get(chunk, 0, n);
                    out.write(chunk, 0, n);
                }
            }
            case Body.Text text -> out.write(text.text().getBytes(text.charset()));
            case Body.FileRegion file -> copyFile(file, length, out);
            case Body.Stream stream -> {
                try (InputStream in = stream.input()) {
                    in.transferTo(out);
                }
            }
            case Body.Writer writer -> writer.writeTo(out);
        }
    }

    private static void copyFile(Body.FileRegion file, long length, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            long position = file.offset();
            long remaining = length;
            while (remaining > 0) {
                buffer.clear().limit((int) Math.min(CHUNK, remaining));
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new IOException("[JGI-BODYOUT-5] the file " + file.path() + " is shorter than its region");
                }
                out.write(buffer.array(), 0, n);
                position += n;
                remaining -= n;
            }
        }
    }

    /** Closes a stream body that was never copied (HEAD, 204, a failure before the body). */
    static void release(Body body) {
        if (body instanceof Body.Stream stream) {
            try {
                stream.input().close();
            } catch (IOException ignored) {
                // Closing is all that is owed here [JGI-BODYOUT-3]; its failure changes nothing sent.
            }
        }
    }
}
