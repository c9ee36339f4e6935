package dev.jgi.harness;

import dev.jgi.api.RequestTarget;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Turns a raw request target into a {@link RequestTarget} by the rules the spec gives servers:
 * UTF-8 percent-decoding with {@code %2F} and {@code %25} left encoded, dot segments resolved, and
 * the mount prefix split off at a segment boundary.
 */
final class TargetParser {

    /** Why the target cannot be served, with the status a server answers. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private TargetParser() {}

    static RequestTarget parse(String raw, String mount) throws Refusal {
        String rest = raw;
        int scheme = raw.indexOf("://");
        if (scheme > 0 && (raw.startsWith("http://") || raw.startsWith("https://"))) {
            int slash = raw.indexOf('/', scheme + 3);
            int question = raw.indexOf('?', scheme + 3);
            int start = slash < 0 ? question : question < 0 ? slash : Math.min(slash, question);
            rest = start < 0 ? "" : raw.substring(start);
        } else if (!raw.startsWith("/")) {
            throw new Refusal(400, "[JGI-REQ-4] not an origin-form or absolute-form target: " + raw);
        }
        int question = rest.indexOf('?');
        String rawPath = question < 0 ? rest : rest.substring(0, question);
        Optional<String> query = question < 0 ? Optional.empty() : Optional.of(rest.substring(question + 1));
        if (rawPath.isEmpty()) {
            rawPath = "/";
        }
        String decoded = withoutDotSegments(decode(rawPath));
        return split(raw, rawPath, decoded, mount, query);
    }

    private static RequestTarget split(String raw, String rawPath, String decoded, String mount, Optional<String> query)
            throws Refusal {
        if (mount.isEmpty()) {
            return new RequestTarget(raw, rawPath, "", decoded, query);
        }
        if (decoded.equals(mount)) {
            return new RequestTarget(raw, rawPath, mount, "", query);
        }
        if (decoded.startsWith(mount + "/")) {
            return new RequestTarget(raw, rawPath, mount, decoded.substring(mount.length()), query);
        }
        throw new Refusal(404, "outside the mount " + mount + ": " + decoded);
    }

    /** [JGI-PATH-6] [JGI-PATH-7] */
    private static String decode(String rawPath) throws Refusal {
        StringBuilder text = new StringBuilder(rawPath.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                flush(pending, text);
                text.append(c);
                continue;
            }
            if (i + 2 >= rawPath.length()) {
                throw new Refusal(400, "[JGI-PATH-6] truncated percent escape in " + rawPath);
            }
            int high = Character.digit(rawPath.charAt(i + 1), 16);
            int low = Character.digit(rawPath.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                throw new Refusal(400, "[JGI-PATH-6] malformed percent escape in " + rawPath);
            }
            int octet = high << 4 | low;
            if (octet == '/' || octet == '%') {
                flush(pending, text);
                text.append(octet == '/' ? "%2F" : "%25");
            } else {
                pending.write(octet);
            }
            i += 2;
        }
        flush(pending, text);
        return text.toString();
    }

    private static void flush(ByteArrayOutputStream pending, StringBuilder text) throws Refusal {
        if (pending.size() == 0) {
            return;
        }
        try {
            text.append(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(pending.toByteArray())));
        } catch (CharacterCodingException e) {
            throw new Refusal(400, "[JGI-PATH-6] the path is not valid UTF-8");
        }
        pending.reset();
    }

    /** [JGI-PATH-8]: "." and ".." segments resolved; climbing above the root is refused. */
    private static String withoutDotSegments(String path) throws Refusal {
        String[] segments = path.substring(1).split("/", -1);
        Deque<String> kept = new ArrayDeque<>();
        boolean trailingSlash = false;
        for (String segment : segments) {
            trailingSlash = false;
            switch (segment) {
                case "." -> trailingSlash = true;
                case ".." -> {
                    if (kept.isEmpty()) {
                        throw new Refusal(400, "[JGI-PATH-8] the path climbs above the root: " + path);
                    }
                    kept.removeLast();
                    trailingSlash = true;
                }
                default -> kept.addLast(segment);
            }
        }
        String joined = "/" + String.join("/", kept);
        return trailingSlash && !joined.endsWith("/") ? joined + "/" : joined;
    }
}
