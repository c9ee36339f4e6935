package dev.jgi.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Build step: writes the machine-readable clause list of a specification as JSON.
 * Usage: {@code ClauseListWriter SPEC.md OUT.json}.
 */
public final class ClauseListWriter {

    private ClauseListWriter() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ClauseListWriter SPEC.md OUT.json");
        }
        List<Clause> clauses = ClauseParser.parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, toJson(clauses), StandardCharsets.UTF_8);
    }

    static String toJson(List<Clause> clauses) {
        StringBuilder json = new StringBuilder("{\n  \"spec\": \"JGI\",\n  \"version\": \"1.0\",\n  \"clauses\": [\n");
        for (int i = 0; i < clauses.size(); i++) {
            Clause c = clauses.get(i);
            json.append("    {\"id\": ")
                    .append(quote(c.id()))
                    .append(", \"level\": ")
                    .append(quote(c.level()))
                    .append(", \"party\": ")
                    .append(quote(c.party()))
                    .append(", \"testable\": ")
                    .append(c.testable())
                    .append(", \"section\": ")
                    .append(quote(c.section()))
                    .append(", \"text\": ")
                    .append(quote(c.text()))
                    .append(i + 1 < clauses.size() ? "},\n" : "}\n");
        }
        return json.append("  ]\n}\n").toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
