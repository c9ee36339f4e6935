package dev.jgi.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The body of a sync {@link Response}. The kinds are closed, so a server's {@code switch} over them
 * is checked by the compiler; {@link Writer} is the open end for bodies produced by code.
 *
 * <p><b>Server obligations</b>
 * <ul>
 *   <li>[JGI-FRAME-1] The server owns framing: it chooses Content-Length or chunked coding from the
 *       kind, and never sends body bytes for HEAD, 204, 304 or 1xx [JGI-FRAME-4].</li>
 *   <li>[JGI-BODYOUT-1] {@link Bytes}, {@link Text} and {@link FileRegion} have a known length,
 *       which the server MUST send as Content-Length unless the response has none [JGI-FRAME-2].</li>
 *   <li>[JGI-BODYOUT-3] The server MUST close the {@link Stream}'s input exactly once, whether the
 *       exchange succeeds or not.</li>
 *   <li>[JGI-BODYOUT-4] The server MUST call a {@link Writer} at most once, on the thread that runs
 *       the application, and MUST send what the writer flushed before the writer returns.</li>
 * </ul>
 */
public sealed interface Body permits Body.Empty, Body.Bytes, Body.Text, Body.FileRegion, Body.Stream, Body.Writer {

    /** No body. */
    record Empty() implements Body {}

    /**
     * Bytes held in memory. The buffer is not copied: the application MUST NOT change it after
     * handing it over [JGI-BODYOUT-2].
     */
    record Bytes(ByteBuffer data) implements Body {
        public Bytes {
            Objects.requireNonNull(data, "data");
            data = data.asReadOnlyBuffer();
        }

        /** A read-only view of the bytes, positioned at their start. */
        @Override
        public ByteBuffer data() {
            return data.duplicate();
        }

        public int length() {
            return data.remaining();
        }
    }

    /** Text, encoded by the server with {@code charset}. */
    record Text(String text, Charset charset) implements Body {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(charset, "charset");
        }
    }

    /**
     * A region of a file, which the server SHOULD send without copying it through user space
     * [JGI-EXT-4]. The length, when empty, runs to the end of the file as it is when sent.
     */
    record FileRegion(Path path, long offset, OptionalLong length) implements Body {
        public FileRegion {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(length, "length");
            if (offset < 0 || (length.isPresent() && length.getAsLong() < 0)) {
                throw new IllegalArgumentException("offset and length must not be negative");
            }
        }
    }

    /** Bytes read from a stream until its end; the server closes it [JGI-BODYOUT-3]. */
    record Stream(InputStream input) implements Body {
        public Stream {
            Objects.requireNonNull(input, "input");
        }
    }

    /**
     * Code that writes the body to the server's stream. {@code flush()} sends what was written so
     * far (streaming); the server closes the stream after the writer returns [JGI-BODYOUT-4]. Writes
     * block until the transport accepts the bytes, so memory stays bounded [JGI-STREAM-1]; after a
     * client disconnect they throw {@link ClientDisconnectedException} [JGI-DISC-1].
     */
    @FunctionalInterface
    non-sealed interface Writer extends Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A body written by code: {@code Body.writer(out -> out.write(bytes))}, where a lambda needs
     * this factory to become a {@link Body} without a cast. The server calls it as
     * [JGI-BODYOUT-4] says.
     */
    static Body writer(Writer writer) {
        return Objects.requireNonNull(writer, "writer");
    }

    static Body empty() {
        return new Empty();
    }

    /** The given bytes, not copied. */
    static Body of(byte[] bytes) {
        return new Bytes(ByteBuffer.wrap(bytes));
    }

    /** Text in UTF-8. */
    static Body of(String text) {
        return new Text(text, StandardCharsets.UTF_8);
    }

    /** A whole file. */
    static Body file(Path path) {
        return new FileRegion(path, 0, OptionalLong.empty());
    }
}
