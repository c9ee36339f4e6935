package dev.jgi.compression;

import dev.jgi.api.Headers;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The client's {@code Accept-Encoding} (RFC 9110 §12.5.3), and the coding it rates highest. */
final class AcceptEncoding {

    private AcceptEncoding() {}

    /**
     * The offered coding the client rates highest with a non-zero weight: its own entry's weight,
     * else that of {@code *}; ties go to the earlier offer. Empty when the request has no
     * {@code Accept-Encoding} (a server then sends what it has), or accepts none of the offers.
     */
    static Optional<Coding> choose(Headers request, List<Coding> offered) {
        List<String> fields = request.all("accept-encoding");
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> weights = new HashMap<>();
        for (String field : fields) {
            for (String entry : field.split(",", -1)) {
                String[] parts = entry.split(";");
                String coding = parts[0].strip().toLowerCase(Locale.ROOT);
                if (coding.equals("x-gzip")) {
                    coding = "gzip"; // RFC 9110 §8.4.1.3: the same coding
                }
                if (!coding.isEmpty()) {
                    weights.merge(coding, weight(parts), Math::max);
                }
            }
        }
        Coding best = null;
        double bestWeight = 0;
        for (Coding coding : offered) {
            double weight = weights.getOrDefault(coding.token(), weights.getOrDefault("*", 0.0));
            if (weight > bestWeight && coding.available()) {
                best = coding;
                bestWeight = weight;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The {@code q} parameter: 1 when absent, 0 when malformed (RFC 9110 §12.4.2 allows 0 to 1, three decimals). */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() > 2 && (parameter.startsWith("q=") || parameter.startsWith("Q="))) {
                String value = parameter.substring(2).strip();
                if (!value.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
                    return 0;
                }
                return Double.parseDouble(value);
            }
        }
        return 1;
    }
}
