package dev.jgi.servlet.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Decodes the raw path of a request target the way the spec requires, from the raw request URI
 * rather than the container's decoded paths, whose rules differ between containers.
 */
final class PathDecoder {

    private PathDecoder() {}

    /**
     * The decoded path: percent-decoded as UTF-8 [JGI-PATH-6], {@code %2F} and {@code %25} kept
     * [JGI-PATH-7], dot segments removed [JGI-PATH-8].
     *
     * @throws Refusal 400 for a malformed escape, invalid UTF-8 or a path above the root
     */
    static String decode(String rawPath) throws Refusal {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                int high = i + 2 < rawPath.length() ? Character.digit(rawPath.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(rawPath.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw new Refusal(400, "[JGI-PATH-6] malformed percent escape in the path");
                }
                int octet = high * 16 + low;
                if (octet == '/' || octet == '%') {
                    bytes.writeBytes(octet == '/' ? KEPT_SLASH : KEPT_PERCENT);
                } else {
                    bytes.write(octet);
                }
                i += 2;
            } else if (c <= 0xFF) {
                // Containers hand the raw URI over as ISO-8859-1: one char per received octet.
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return removeDotSegments(utf8(bytes.toByteArray()));
    }

    private static final byte[] KEPT_SLASH = {'%', '2', 'F'};
    private static final byte[] KEPT_PERCENT = {'%', '2', '5'};

    private static String utf8(byte[] octets) throws Refusal {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Refusal(400, "[JGI-PATH-6] the path is not valid UTF-8");
        }
    }

    /** RFC 3986 §5.2.4 over segments; climbing above the root is refused rather than clamped. */
    private static String removeDotSegments(String path) throws Refusal {
        if (!path.startsWith("/")) {
            return path;
        }
        String[] segments = path.substring(1).split("/", -1);
        Deque<String> kept = new ArrayDeque<>();
        boolean endsInDirectory = false;
        for (String segment : segments) {
            endsInDirectory = false;
            switch (segment) {
                case "." -> endsInDirectory = true;
                case ".." -> {
                    if (kept.isEmpty()) {
                        throw new Refusal(400, "[JGI-PATH-8] the path climbs above the root");
                    }
                    kept.removeLast();
                    endsInDirectory = true;
                }
                default -> kept.addLast(segment);
            }
        }
        StringBuilder out = new StringBuilder(path.length());
        for (String segment : kept) {
            out.append('/').append(segment);
        }
        if (endsInDirectory || out.isEmpty()) {
            out.append('/');
        }
        return out.toString();
    }
}
