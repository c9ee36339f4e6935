package dev.jgi.assets.index;

/**
 * The shape a path below an asset root must have to be looked up at all. Anything else is refused
 * before any map or file system access, so no spelling can climb out of a root:
 * non-empty {@code /}-separated segments; no segment that starts with {@code .} (which covers
 * {@code .}, {@code ..} and dotfiles such as {@code .env} or {@code .git}); no backslash, NUL or other
 * control character; no {@code %} left over from a percent-encoded slash or backslash.
 */
public final class AssetPath {

    private AssetPath() {}

    /** Whether a decoded relative path (no leading slash) has the canonical shape described above. */
    public static boolean isCanonical(String path) {
        int n = path.length();
        if (n == 0) {
            return false;
        }
        boolean segmentStart = true;
        for (int i = 0; i < n; i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
            if (c == '/') {
                if (segmentStart) {
                    return false;
                }
                segmentStart = true;
                continue;
            }
            if (segmentStart && c == '.') {
                return false;
            }
            if (c == '%' && encodesSeparator(path, i)) {
                return false;
            }
            segmentStart = false;
        }
        return !segmentStart;
    }

    private static boolean encodesSeparator(String path, int percent) {
        if (percent + 2 >= path.length()) {
            return false;
        }
        String hex = path.substring(percent + 1, percent + 3);
        return hex.equalsIgnoreCase("2f")
                || hex.equalsIgnoreCase("5c")
                || hex.equals("00")
                || hex.equalsIgnoreCase("2e");
    }
}
