package dev.jgi.compression;

import java.util.List;
import java.util.Locale;

/**
 * How the middleware compresses.
 *
 * @param minLength     bodies of a known length below this many bytes go as they are; 1024 by
 *                      default (below that, gzip's header and the CPU cost outweigh the saving)
 * @param codings       the codings offered, in the server's order of preference when the client
 *                      rates several equally; br then gzip by default
 * @param gzipLevel     1 (fast) to 9 (small); 5 by default
 * @param brotliQuality 0 (fast) to 11 (small); 4 by default, the usual choice for dynamic bodies
 * @param types         compressible media types: an entry ending in {@code /} matches a whole
 *                      top-level type, {@code +json} and {@code +xml} match structured-syntax
 *                      suffixes; text, JSON, XML, JavaScript, SVG, CSV and event streams by default
 */
public record Options(int minLength, List<Coding> codings, int gzipLevel, int brotliQuality, List<String> types) {

    public Options {
        codings = List.copyOf(codings);
        types = types.stream().map(type -> type.toLowerCase(Locale.ROOT)).toList();
        if (minLength < 0) {
            throw new IllegalArgumentException("minLength must not be negative: " + minLength);
        }
        if (gzipLevel < 1 || gzipLevel > 9) {
            throw new IllegalArgumentException("gzipLevel is 1 to 9: " + gzipLevel);
        }
        if (brotliQuality < 0 || brotliQuality > 11) {
            throw new IllegalArgumentException("brotliQuality is 0 to 11: " + brotliQuality);
        }
        if (codings.isEmpty()) {
            throw new IllegalArgumentException("at least one coding");
        }
    }

    public static Options defaults() {
        return new Options(
                1024,
                List.of(Coding.BR, Coding.GZIP),
                5,
                4,
                List.of(
                        "text/",
                        "application/json",
                        "application/xml",
                        "application/javascript",
                        "image/svg+xml",
                        "+json",
                        "+xml"));
    }

    public Options withMinLength(int bytes) {
        return new Options(bytes, codings, gzipLevel, brotliQuality, types);
    }

    public Options withCodings(Coding... offered) {
        return new Options(minLength, List.of(offered), gzipLevel, brotliQuality, types);
    }

    /** Whether a body of this {@code content-type} is worth compressing. */
    boolean compressible(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        for (String entry : types) {
            boolean matches = entry.startsWith("+")
                    ? type.endsWith(entry)
                    : entry.endsWith("/") ? type.startsWith(entry) : type.equals(entry);
            if (matches) {
                return true;
            }
        }
        return false;
    }
}
