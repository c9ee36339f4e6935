package dev.jgi.server.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a request path as JGI wants it: percent-decoded as UTF-8 [JGI-PATH-6], {@code %2F} and
 * {@code %25} kept encoded [JGI-PATH-7], dot segments removed and climbing above the root refused
 * [JGI-PATH-8].
 */
final class TargetDecoder {

    /** Why a path was refused; the message names the clause. */
    static final class BadPath extends Exception {
        private static final long serialVersionUID = 1L;

        BadPath(String message) {
            super(message, null, false, false);
        }
    }

    private TargetDecoder() {}

    static String decode(String rawPath) throws BadPath {
        if (rawPath.isEmpty()) {
            return "/";
        }
        if (rawPath.charAt(0) != '/') {
            throw new BadPath("[JGI-PATH-6] the path does not start with '/'");
        }
        if (isPlain(rawPath)) {
            return rawPath;
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        List<String> out = new ArrayList<>(segments.length);
        for (int i = 0; i < segments.length; i++) {
            String segment = segment(segments[i]);
            boolean last = i == segments.length - 1;
            if (segment.equals(".")) {
                if (last) {
                    out.add("");
                }
            } else if (segment.equals("..")) {
                if (out.isEmpty()) {
                    throw new BadPath("[JGI-PATH-8] the path climbs above the root");
                }
                out.removeLast();
                if (last) {
                    out.add("");
                }
            } else {
                out.add(segment);
            }
        }
        return "/" + String.join("/", out);
    }

    /** No escapes, no dot segments, only ASCII: the common case, returned as it is. */
    private static boolean isPlain(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' || c > 0x7E) {
                return false;
            }
            if (c == '.' && path.charAt(i - 1) == '/') {
                return false;
            }
        }
        return true;
    }

    private static String segment(String raw) throws BadPath {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new BadPath("[JGI-PATH-6] a malformed percent escape");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new BadPath("[JGI-PATH-6] a malformed percent escape");
                }
                int b = hi << 4 | lo;
                if (b == '/' || b == '%') {
                    bytes.put((byte) '%').put((byte) '2').put((byte) (b == '/' ? 'F' : '5'));
                } else {
                    bytes.put((byte) b);
                }
                i += 2;
            } else if (c > 0xFF) {
                throw new BadPath("[JGI-PATH-6] a character outside ISO-8859-1 in the path");
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            CharBuffer text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return text.toString();
        } catch (CharacterCodingException e) {
            throw new BadPath("[JGI-PATH-6] the path is not valid UTF-8");
        }
    }
}
