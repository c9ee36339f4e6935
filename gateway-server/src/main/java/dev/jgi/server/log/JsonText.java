package dev.jgi.server.log;

/** JSON string literals for the server's own JSON output: access log, server log, status page. */
public final class JsonText {

    private JsonText() {}

    /** {@code value} as a JSON string literal, ASCII only; {@code null} for null. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2);
        quote(out, value);
        return out.toString();
    }

    /** Appends {@code value} as a JSON string literal, ASCII only. */
    public static void quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        out.append("\\u");
                        String hex = Integer.toHexString(c);
                        out.append("0".repeat(4 - hex.length())).append(hex);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A number as JSON: {@code null} for NaN and infinities, which JSON cannot say. */
    public static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }
}
