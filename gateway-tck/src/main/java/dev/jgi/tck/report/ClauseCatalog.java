package dev.jgi.tck.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clauses of JGI 1.0, read from the spec text the TCK jar carries
 * ({@code dev/jgi/tck/spec/jgi-1.0.md}, copied from {@code docs/spec} at build time), so a vendor's
 * run judges against exactly the spec its TCK was built from.
 */
public final class ClauseCatalog {

    static final String RESOURCE = "dev/jgi/tck/spec/jgi-1.0.md";

    private static final Pattern LINE = Pattern.compile(
            "^- \\*\\*(JGI-[A-Z0-9]+-\\d+)\\*\\* \\(([A-Z ]+), (\\w+), (testable|untestable)\\): (.*)$");

    private final Map<String, ClauseInfo> clauses;

    private ClauseCatalog(Map<String, ClauseInfo> clauses) {
        this.clauses = clauses;
    }

    /** The catalog of the spec in the TCK jar. */
    public static ClauseCatalog load() {
        try (InputStream in = ClauseCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the TCK jar lacks its copy of the spec: " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every clause line of a spec text. */
    public static ClauseCatalog parse(String markdown) {
        Map<String, ClauseInfo> clauses = new LinkedHashMap<>();
        for (String line : markdown.split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                clauses.put(
                        m.group(1),
                        new ClauseInfo(
                                m.group(1), m.group(2), m.group(3), m.group(4).equals("testable"), m.group(5)));
            }
        }
        if (clauses.isEmpty()) {
            throw new IllegalStateException("no clause lines found in the spec text");
        }
        return new ClauseCatalog(clauses);
    }

    public Optional<ClauseInfo> get(String id) {
        return Optional.ofNullable(clauses.get(id));
    }

    public Collection<ClauseInfo> all() {
        return clauses.values();
    }
}
