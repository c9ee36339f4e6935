package dev.jgi.tck.h2;

import dev.jgi.tck.wire.RawResponse.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An HTTP/1.1 request as a server test writes it, read as the HTTP/2 request that means the same
 * (RFC 9113 §8.3): the request line becomes the pseudo-header fields, {@code Host} becomes
 * {@code :authority}, connection-specific fields are dropped (§8.2.2), and a chunked body becomes
 * one DATA frame per chunk with its trailer section as trailing HEADERS, so that a body split into
 * chunks arrives split into frames. Field names are lowercased (§8.2.1); values pass unchanged.
 *
 * @param method    the request method
 * @param target    the request target as written
 * @param fields    the regular fields for HEADERS
 * @param pieces    the body, one element per DATA frame's worth (a chunk, or the whole body)
 * @param trailers  the trailer fields of a chunked body
 */
record LiteralRequest(String method, String target, List<Field> fields, List<byte[]> pieces, List<Field> trailers) {

    private static final Set<String> CONNECTION_SPECIFIC =
            Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "host");

    /** Reads one literal request (ISO-8859-1 text, head and body). */
    static LiteralRequest parse(String literal) {
        int end = literal.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalArgumentException("not a whole request head: " + literal);
        }
        String[] lines = literal.substring(0, end).split("\r\n", -1);
        String[] requestLine = lines[0].split(" ", 3);
        if (requestLine.length != 3) {
            throw new IllegalArgumentException("not a request line: " + lines[0]);
        }
        List<Field> all = fields(lines, 1, lines.length);
        boolean chunked = all.stream()
                .anyMatch(f -> f.name().equalsIgnoreCase("transfer-encoding")
                        && f.value().toLowerCase(Locale.ROOT).contains("chunked"));
        String body = literal.substring(end + 4);
        List<byte[]> pieces = new ArrayList<>();
        List<Field> trailers = new ArrayList<>();
        if (chunked) {
            dechunk(body, pieces, trailers);
        } else if (!body.isEmpty()) {
            pieces.add(body.getBytes(StandardCharsets.ISO_8859_1));
        }
        return new LiteralRequest(requestLine[0], requestLine[1], all, pieces, trailers);
    }

    /** The :authority: the Host field, or the authority of an absolute-form target. */
    String authority() {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            String rest = target.substring(target.indexOf("//") + 2);
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }
        return fields.stream()
                .filter(f -> f.name().equalsIgnoreCase("host"))
                .map(Field::value)
                .findFirst()
                .orElse("");
    }

    /** The :path: the target, without the scheme and authority of an absolute form. */
    String path() {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            String rest = target.substring(target.indexOf("//") + 2);
            int slash = rest.indexOf('/');
            return slash < 0 ? "/" : rest.substring(slash);
        }
        return target;
    }

    /** The whole HEADERS field list: the pseudo-header fields (no empty :authority), then the regular ones. */
    List<Field> http2Head(String scheme) {
        List<Field> head = new ArrayList<>();
        head.add(new Field(":method", method));
        head.add(new Field(":scheme", scheme));
        if (!authority().isEmpty()) {
            head.add(new Field(":authority", authority()));
        }
        head.add(new Field(":path", path()));
        head.addAll(http2Fields());
        return head;
    }

    /** The body length the request's {@code content-length} field declares, if it has one. */
    OptionalLong declaredLength() {
        return fields.stream()
                .filter(f -> f.name().equalsIgnoreCase("content-length"))
                .mapToLong(f -> Long.parseLong(f.value().strip()))
                .findFirst();
    }

    /** The regular fields HEADERS carries: names lowercased, connection-specific ones dropped. */
    List<Field> http2Fields() {
        return fields.stream()
                .filter(f -> !CONNECTION_SPECIFIC.contains(f.name().toLowerCase(Locale.ROOT)))
                .filter(f -> !f.name().equalsIgnoreCase("te") || f.value().equalsIgnoreCase("trailers"))
                .map(f -> new Field(f.name().toLowerCase(Locale.ROOT), f.value()))
                .toList();
    }

    private static List<Field> fields(String[] lines, int from, int to) {
        List<Field> fields = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a header line the TCK cannot carry over HTTP/2: " + lines[i]);
            }
            fields.add(new Field(
                    lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()));
        }
        return fields;
    }

    private static void dechunk(String body, List<byte[]> pieces, List<Field> trailers) {
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            if (lineEnd < 0) {
                throw new IllegalArgumentException("a chunked body without its last chunk: " + body);
            }
            String size = body.substring(at, lineEnd);
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            at = lineEnd + 2;
            if (length == 0) {
                int sectionEnd = body.indexOf("\r\n\r\n", at - 2);
                if (sectionEnd > at - 2) {
                    String[] lines = body.substring(at, sectionEnd).split("\r\n", -1);
                    trailers.addAll(fields(lines, 0, lines.length));
                }
                return;
            }
            pieces.add(body.substring(at, at + length).getBytes(StandardCharsets.ISO_8859_1));
            at += length + 2;
        }
    }
}
