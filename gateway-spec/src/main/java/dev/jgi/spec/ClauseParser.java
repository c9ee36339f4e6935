package dev.jgi.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the clause lines of the specification's markdown. */
public final class ClauseParser {

    /** Any clause ID, wherever it is cited. */
    public static final Pattern ID = Pattern.compile("\\bJGI-[A-Z][A-Z0-9]*-\\d+\\b");

    private static final Pattern LINE = Pattern.compile(
            "^- \\*\\*(JGI-[A-Z][A-Z0-9]*-\\d+)\\*\\* \\((MUST NOT|MUST|SHOULD NOT|SHOULD|MAY|WITHDRAWN), "
                    + "(server|application|middleware), (testable|untestable)\\): (.+)$");

    private ClauseParser() {}

    /**
     * The clauses of a specification text, in order.
     *
     * @throws IllegalArgumentException for a malformed clause line or a duplicate ID
     */
    public static List<Clause> parse(String markdown) {
        List<Clause> clauses = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String section = "";
        int lineNumber = 0;
        for (String line : markdown.split("\n", -1)) {
            lineNumber++;
            if (line.startsWith("#")) {
                section = line.replaceFirst("^#+\\s*", "").trim();
                continue;
            }
            if (!line.startsWith("- **JGI-")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("line " + lineNumber + ": malformed clause line: " + line);
            }
            if (!seen.add(m.group(1))) {
                throw new IllegalArgumentException("line " + lineNumber + ": duplicate clause ID " + m.group(1));
            }
            clauses.add(new Clause(
                    m.group(1),
                    m.group(2),
                    m.group(3),
                    m.group(4).equals("testable"),
                    section,
                    m.group(5).trim()));
        }
        return List.copyOf(clauses);
    }
}
