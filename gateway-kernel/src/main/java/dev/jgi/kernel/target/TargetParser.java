package dev.jgi.kernel.target;

import dev.jgi.api.RequestTarget;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the request target a client sent into the {@link RequestTarget} an application sees.
 *
 * <p><b>Rules</b>
 * <ul>
 *   <li>[JGI-REQ-4] {@code raw} is the target as received; origin-form ({@code /a?b}) and
 *       absolute-form ({@code http://host/a?b}) are accepted, anything else is refused with 400.</li>
 *   <li>[JGI-PATH-10] For an absolute-form target the path and query come from it; its authority
 *       is {@link #authority}, which the server puts in the {@code host} field.</li>
 *   <li>[JGI-PATH-11] {@code rawPath} is the path component as received, still percent-encoded.</li>
 *   <li>[JGI-PATH-9] {@code query} is the raw text after the first {@code ?}, undecoded: empty
 *       without a {@code ?}, the empty string when the {@code ?} ends the target.</li>
 *   <li>[JGI-PATH-6] [JGI-PATH-7] [JGI-PATH-8] The path is decoded by {@link #decodePath}.</li>
 *   <li>[JGI-PATH-3] [JGI-PATH-4] [JGI-PATH-5] The decoded path is split at the mount prefix on a
 *       segment boundary; a path outside the mount is refused with 404.</li>
 * </ul>
 * The asterisk-form target of {@code OPTIONS *} is the server's to answer before it parses a target
 * [JGI-REQ-10]; given here, it is refused with 400 like any other target that is not a path.
 */
public final class TargetParser {

    private static final String PATH_6 = "JGI-PATH-6";

    private TargetParser() {}

    /**
     * The target of a request, split at {@code mountPath}.
     *
     * @param raw       the request target exactly as received
     * @param mountPath the server's decoded mount prefix: empty, or starting and not ending with
     *                  {@code /} [JGI-PATH-2]
     * @throws TargetRefusal 400 for a target that is not origin- or absolute-form or whose path
     *     does not decode, 404 for a path outside the mount
     * @throws IllegalArgumentException for a {@code mountPath} that breaks JGI-PATH-2
     */
    public static RequestTarget parse(String raw, String mountPath) throws TargetRefusal {
        int start = pathStart(raw);
        int question = raw.indexOf('?', start);
        String rawPath = question < 0 ? raw.substring(start) : raw.substring(start, question);
        Optional<String> query = question < 0 ? Optional.empty() : Optional.of(raw.substring(question + 1));
        return RequestTarget.of(raw, rawPath, decodePath(rawPath), query)
                .mountedAt(mountPath)
                .orElseThrow(() -> new TargetRefusal(404, "JGI-PATH-5", "the path is outside the mount " + mountPath));
    }

    /**
     * The authority of an absolute-form target, without user information, which replaces the
     * request's {@code host} field [JGI-PATH-10]; empty for any other form.
     */
    public static Optional<String> authority(String raw) {
        if (!isAbsoluteForm(raw)) {
            return Optional.empty();
        }
        int from = raw.indexOf("://") + 3;
        String authority = raw.substring(from, authorityEnd(raw, from));
        return Optional.of(authority.substring(authority.lastIndexOf('@') + 1));
    }

    /**
     * The decoded form of a raw path.
     * <ul>
     *   <li>[JGI-PATH-6] Percent escapes are decoded and the octets read as UTF-8; a malformed
     *       escape ({@code %G1}, a lone {@code %}), octets that are not UTF-8, a character that
     *       is not an octet, or a path that does not start with {@code /} is refused with 400. The
     *       empty path of an absolute-form target ({@code http://host}) decodes to {@code /}.</li>
     *   <li>[JGI-PATH-7] {@code %2F} and {@code %25}, in either case, stay encoded as the three
     *       characters {@code %2F} and {@code %25}, so that the decoded path splits on {@code /}
     *       only where the client wrote a separator.</li>
     *   <li>[JGI-PATH-8] Dot segments, also percent-encoded ones, are removed as RFC 3986 §5.2.4
     *       does; a path that climbs above the root is refused with 400 rather than clamped.
     *       Empty segments are kept.</li>
     * </ul>
     *
     * @param rawPath the path component as received, each character one octet
     * @throws TargetRefusal 400, naming JGI-PATH-6 or JGI-PATH-8
     */
    public static String decodePath(String rawPath) throws TargetRefusal {
        if (rawPath.isEmpty()) {
            return "/";
        }
        if (rawPath.charAt(0) != '/') {
            throw new TargetRefusal(400, PATH_6, "the path does not start with '/'");
        }
        if (isPlain(rawPath)) {
            return rawPath;
        }
        String decoded = utf8(octets(rawPath));
        return decoded.contains("/.") ? withoutDotSegments(decoded) : decoded;
    }

    /** Where the path starts: 0 for origin-form, after the authority for absolute-form. */
    private static int pathStart(String raw) throws TargetRefusal {
        if (raw.startsWith("/")) {
            return 0;
        }
        if (isAbsoluteForm(raw)) {
            int from = raw.indexOf("://") + 3;
            return authorityEnd(raw, from);
        }
        throw new TargetRefusal(400, "JGI-REQ-4", "the target is neither origin-form nor absolute-form");
    }

    private static boolean isAbsoluteForm(String raw) {
        return raw.regionMatches(true, 0, "http://", 0, 7) || raw.regionMatches(true, 0, "https://", 0, 8);
    }

    private static int authorityEnd(String raw, int from) {
        for (int i = from; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '/' || c == '?') {
                return i;
            }
        }
        return raw.length();
    }

    /** No escape, no dot segment, only printable ASCII: the common case, decoded as it is. */
    private static boolean isPlain(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' || c > 0x7E || (c == '.' && path.charAt(i - 1) == '/')) {
                return false;
            }
        }
        return true;
    }

    /** The octets the path stands for, with {@code %2F} and {@code %25} kept as three octets. */
    private static ByteBuffer octets(String rawPath) throws TargetRefusal {
        ByteBuffer octets = ByteBuffer.allocate(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                int high = i + 2 < rawPath.length() ? Character.digit(rawPath.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(rawPath.charAt(i + 2), 16);
                if (low < 0) {
                    throw new TargetRefusal(400, PATH_6, "a malformed percent escape in the path");
                }
                int octet = high << 4 | low;
                if (octet == '/' || octet == '%') {
                    octets.put((byte) '%').put((byte) '2').put((byte) (octet == '/' ? 'F' : '5'));
                } else {
                    octets.put((byte) octet);
                }
                i += 2;
            } else if (c > 0xFF) {
                throw new TargetRefusal(400, PATH_6, "the path holds a character that is not an octet");
            } else {
                octets.put((byte) c);
            }
        }
        return octets.flip();
    }

    private static String utf8(ByteBuffer octets) throws TargetRefusal {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(octets)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new TargetRefusal(400, PATH_6, "the path is not valid UTF-8");
        }
    }

    /** RFC 3986 §5.2.4 over the segments, refusing to climb above the root [JGI-PATH-8]. */
    private static String withoutDotSegments(String path) throws TargetRefusal {
        String[] segments = path.substring(1).split("/", -1);
        List<String> kept = new ArrayList<>(segments.length);
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            switch (segments[i]) {
                case "." -> {
                    if (last) {
                        kept.add("");
                    }
                }
                case ".." -> {
                    if (kept.isEmpty()) {
                        throw new TargetRefusal(400, "JGI-PATH-8", "the path climbs above the root");
                    }
                    kept.removeLast();
                    if (last) {
                        kept.add("");
                    }
                }
                default -> kept.add(segments[i]);
            }
        }
        return "/" + String.join("/", kept);
    }
}
