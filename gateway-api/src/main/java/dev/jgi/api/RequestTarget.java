package dev.jgi.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a request is aimed: the raw request target, and its path split into the mount prefix and
 * the path inside it.
 *
 * <p><b>Invariants</b> (checked by the constructor; {@link IllegalArgumentException} names the
 * clause)
 * <ul>
 *   <li>[JGI-PATH-2] {@code mountPath} is empty or starts with {@code "/"}; it is never
 *       {@code "/"} and never ends with {@code "/"}.</li>
 *   <li>[JGI-PATH-4] {@code path} is empty or starts with {@code "/"}; it is empty only when the
 *       request names the mount point itself ({@code /app} under mount {@code /app}).</li>
 *   <li>[JGI-PATH-3] {@code mountPath + path} is the decoded path of the request;
 *       {@link #fullPath()} returns it.</li>
 * </ul>
 *
 * <p><b>Server obligations</b>
 * <ul>
 *   <li>[JGI-PATH-1] The server MUST take the mount prefix from its configuration, never from a
 *       request header.</li>
 *   <li>[JGI-PATH-6] The server MUST percent-decode the path as UTF-8 and answer 400 for a
 *       malformed escape or invalid UTF-8.</li>
 *   <li>[JGI-PATH-7] The server MUST leave {@code %2F} and {@code %25} encoded (as {@code "%2F"}
 *       and {@code "%25"}) in the decoded path, so that it splits on {@code "/"} exactly where the
 *       client meant a separator.</li>
 *   <li>[JGI-PATH-8] The server MUST resolve dot segments and answer 400 for a path that climbs
 *       above the root.</li>
 *   <li>[JGI-REQ-4] {@code raw} is the request target exactly as received (origin-form,
 *       absolute-form), before any decoding.</li>
 *   <li>[JGI-PATH-9] {@code query} is the raw query after the first {@code "?"}, undecoded; empty
 *       when the target has no {@code "?"}, and the empty string when it has one with nothing
 *       after it.</li>
 * </ul>
 *
 * @param raw       the request target as received, for example {@code /shop/a%20b?x=1}
 * @param rawPath   the path component of the target, still percent-encoded
 * @param mountPath the decoded mount prefix, from configuration
 * @param path      the decoded path inside the mount
 * @param query     the raw query, if the target has a {@code "?"}
 */
public record RequestTarget(String raw, String rawPath, String mountPath, String path, Optional<String> query) {

    public RequestTarget {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(mountPath, "mountPath");
        Objects.requireNonNull(path, "path");
        checkMount(mountPath);
        if (!path.isEmpty() && path.charAt(0) != '/') {
            throw new IllegalArgumentException("[JGI-PATH-4] path must be empty or start with '/': " + path);
        }
        if (path.isEmpty() && mountPath.isEmpty()) {
            throw new IllegalArgumentException("[JGI-PATH-4] path may be empty only under a mount prefix");
        }
    }

    /** A target with no mount prefix, for servers and tests: the whole decoded path is the path. */
    public static RequestTarget of(String raw, String rawPath, String decodedPath, Optional<String> query) {
        return new RequestTarget(raw, rawPath, "", decodedPath, query);
    }

    /** The decoded path of the whole request: {@code mountPath() + path()} [JGI-PATH-3]. */
    public String fullPath() {
        return mountPath + path;
    }

    /**
     * This target with {@code prefix} moved from the start of {@link #path()} to the end of
     * {@link #mountPath()}, as routing middleware does when it mounts a sub-application [JGI-MW-2].
     *
     * @param prefix a decoded path prefix: starts with "/", does not end with "/"
     * @return the re-mounted target, or empty when {@code path()} does not start with
     *     {@code prefix} at a segment boundary
     */
    public Optional<RequestTarget> mountedAt(String prefix) {
        checkMount(prefix);
        if (prefix.isEmpty()) {
            return Optional.of(this);
        }
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = path.substring(prefix.length());
        if (!rest.isEmpty() && rest.charAt(0) != '/') {
            return Optional.empty();
        }
        return Optional.of(new RequestTarget(raw, rawPath, mountPath + prefix, rest, query));
    }

    private static void checkMount(String mountPath) {
        if (!mountPath.isEmpty() && (mountPath.charAt(0) != '/' || mountPath.endsWith("/"))) {
            throw new IllegalArgumentException(
                    "[JGI-PATH-2] a mount path is empty or starts with '/' and does not end with '/': " + mountPath);
        }
    }
}
