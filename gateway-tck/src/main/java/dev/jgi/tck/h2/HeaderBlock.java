package dev.jgi.tck.h2;

import dev.jgi.tck.wire.RawResponse.Field;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.hpack.HpackDecoder;
import org.eclipse.jetty.http2.hpack.HpackException;

/**
 * HPACK (RFC 7541) for one connection. Encoding is the TCK's own and literal: every field as
 * "literal without indexing, new name", no Huffman (§6.2.2), so the bytes of a name or value reach
 * the server exactly as the test wrote them, malformed ones included. Decoding is Jetty's maintained
 * decoder, which keeps the connection's dynamic table.
 */
final class HeaderBlock {

    /** What a decoded block said: the status of a response head (0 for trailers) and its fields. */
    record Decoded(int status, List<Field> fields) {}

    private final HpackDecoder decoder = new HpackDecoder(1 << 20, System::nanoTime);

    HeaderBlock() {
        decoder.setMaxTableCapacity(4096);
    }

    /** The block for {@code fields}, in order, pseudo-header fields first as given. */
    static byte[] encode(List<Field> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field field : fields) {
            out.write(0);
            string(out, field.name());
            string(out, field.value());
        }
        return out.toByteArray();
    }

    Decoded decode(byte[] block) {
        try {
            MetaData metaData = decoder.decode(ByteBuffer.wrap(block));
            List<Field> fields = new ArrayList<>();
            for (HttpField field : metaData.getHttpFields()) {
                fields.add(new Field(field.getName(), field.getValue()));
            }
            int status = metaData instanceof MetaData.Response response ? response.getStatus() : 0;
            return new Decoded(status, fields);
        } catch (HpackException e) {
            throw new AssertionError(
                    "the server sent a header block that is not valid HPACK or not a valid "
                            + "response head (RFC 9113 §8.3.2): " + e.getMessage(),
                    e);
        }
    }

    private static void string(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        integer(out, bytes.length);
        out.writeBytes(bytes);
    }

    /** An integer with a 7-bit prefix and the Huffman bit clear (§5.1). */
    private static void integer(ByteArrayOutputStream out, int value) {
        if (value < 127) {
            out.write(value);
            return;
        }
        out.write(127);
        int rest = value - 127;
        while (rest >= 128) {
            out.write((rest & 127) | 128);
            rest >>>= 7;
        }
        out.write(rest);
    }
}
