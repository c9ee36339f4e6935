package dev.jgi.server.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code .env} file, as django-environ and dotenv read it: {@code KEY=value} lines, {@code #}
 * comments, optional {@code export}, values optionally in single or double quotes.
 */
public final class EnvFile {

    private EnvFile() {}

    /**
     * The file's settings in file order.
     *
     * @throws IllegalArgumentException naming the file and line, for a line that is not KEY=value
     */
    public static Map<String, String> read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("env file not found: " + file);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || !line.substring(0, eq).strip().matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected KEY=value");
            }
            values.put(
                    line.substring(0, eq).strip(), value(line.substring(eq + 1).strip()));
        }
        return values;
    }

    private static String value(String raw) {
        if (raw.length() >= 2
                && ((raw.startsWith("\"") && raw.endsWith("\"")) || (raw.startsWith("'") && raw.endsWith("'")))) {
            String inner = raw.substring(1, raw.length() - 1);
            return raw.startsWith("\"") ? inner.replace("\\n", "\n").replace("\\\"", "\"") : inner;
        }
        int comment = raw.indexOf(" #");
        return comment >= 0 ? raw.substring(0, comment).strip() : raw;
    }

    /**
     * Makes the entries visible to the application as system properties, the one process-wide view
     * of configuration the JDK lets a server extend: the application reads
     * {@code System.getProperty("DATABASE_URL")}. A real environment variable of the same name wins
     * over the file, as in dotenv, and so does a property set with {@code -D}.
     */
    public static void apply(Map<String, String> entries) {
        entries.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                String real = System.getenv(key);
                System.setProperty(key, real != null ? real : value);
            }
        });
    }
}
