package dev.jgi.assets.http;

import java.util.Locale;

/** The content codings a precompressed sibling file can carry, with the file suffix of each. */
public enum ContentCoding {
    BROTLI("br", ".br"),
    GZIP("gzip", ".gz");

    private final String token;
    private final String suffix;

    ContentCoding(String token, String suffix) {
        this.token = token;
        this.suffix = suffix;
    }

    /** The value of {@code Content-Encoding} for this coding. */
    public String token() {
        return token;
    }

    /** The file-name suffix of a sibling in this coding ({@code site.css.gz}). */
    public String suffix() {
        return suffix;
    }

    /**
     * Whether {@code Accept-Encoding} allows this coding: it must be listed by name (or {@code x-gzip})
     * with a q-value above zero. A bare {@code *} is not taken as consent, as WhiteNoise does, because
     * a client that sends only {@code *} rarely means "any binary coding".
     *
     * @param acceptEncoding the header value, or {@code null}
     */
    public boolean acceptedBy(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String element : acceptEncoding.split(",", -1)) {
            int semicolon = element.indexOf(';');
            String name = (semicolon < 0 ? element : element.substring(0, semicolon))
                    .strip()
                    .toLowerCase(Locale.ROOT);
            if (name.equals(token) || (this == GZIP && name.equals("x-gzip"))) {
                return semicolon < 0 || qualityAboveZero(element.substring(semicolon + 1));
            }
        }
        return false;
    }

    private static boolean qualityAboveZero(String parameters) {
        for (String parameter : parameters.split(";", -1)) {
            String p = parameter.strip();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).strip()) > 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
