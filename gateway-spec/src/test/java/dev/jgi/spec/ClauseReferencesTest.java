package dev.jgi.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build check: every clause ID cited anywhere in the project, the specification's own text
 * included, exists in the specification.
 */
class ClauseReferencesTest {

    /** Built at run time so that the reference scan does not see it in this file. */
    private static final String FAKE_ID = String.join("-", "JGI", "X", "1");

    private static final Set<String> SCANNED = Set.of(".java", ".md", ".json", ".xml", ".sh", ".txt");

    @Test
    void everyCitedClauseExistsInTheSpecification() throws IOException {
        Clauses clauses = Clauses.load();
        Path root =
                Path.of(System.getProperty("jgi.root", "..")).toAbsolutePath().normalize();
        Set<String> unknown = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(ClauseReferencesTest::isScanned).toList()) {
                for (String id : unknownCitations(Files.readString(file, StandardCharsets.ISO_8859_1), clauses)) {
                    unknown.add(id + " in " + root.relativize(file));
                }
            }
        }
        assertThat(unknown)
                .as("clause IDs cited but not defined in docs/spec/jgi-1.0.md")
                .isEmpty();
    }

    /**
     * The specification cites its own clauses in clause text, prose and the changes section
     * (JGI-ASYNC-5 lists the clauses it enforces); a citation there must not outlive the clause.
     */
    @Test
    void everyClauseTheSpecificationCitesInItsOwnTextExists() throws IOException {
        Path spec = Path.of(System.getProperty("jgi.root", ".."), "docs", "spec", "jgi-1.0.md");
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        assertThat(ClauseParser.ID.matcher(text).results().count())
                .as("citations besides the definitions")
                .isGreaterThan(Clauses.load().all().size());
        assertThat(unknownCitations(text, Clauses.load()))
                .as("clause IDs the specification cites but does not define")
                .isEmpty();
    }

    @Test
    void aCitationOfAnUndefinedClauseIsFound() {
        assertThat(unknownCitations("as JGI-RESP-4 and " + FAKE_ID + " say", Clauses.load()))
                .containsExactly(FAKE_ID);
    }

    private static Set<String> unknownCitations(String text, Clauses clauses) {
        Set<String> unknown = new TreeSet<>();
        Matcher m = ClauseParser.ID.matcher(text);
        while (m.find()) {
            if (!clauses.contains(m.group())) {
                unknown.add(m.group());
            }
        }
        return unknown;
    }

    @Test
    void theSpecificationHasAtLeastEightyClausesAndEveryAreaIsPresent() {
        List<Clause> all = Clauses.load().all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(80);
        Set<String> areas = new TreeSet<>();
        all.forEach(c -> areas.add(c.id().replaceAll("^JGI-([A-Z0-9]+)-\\d+$", "$1")));
        assertThat(areas)
                .contains(
                        "REQ", "PATH", "HDR", "BODY", "RESP", "FRAME", "BODYOUT", "STREAM", "DISC", "ERR", "LIFE",
                        "DONE", "CAP", "ASYNC", "WS", "EXT", "MW", "ADAPT", "VER", "PROF", "LIM");
    }

    @Test
    void malformedClauseLinesAreRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ClauseParser.parse("- **" + FAKE_ID + "** (MUST, nobody, testable): text"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClauseParser.parse("- **" + FAKE_ID
                        + "** (MUST, server, testable): a\n- **" + FAKE_ID + "** (MAY, server, testable): b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate");
    }

    @Test
    void theJsonListHoldsEveryClause() throws IOException {
        Path json = Path.of("target/classes/dev/jgi/spec/clauses.json");
        String text = Files.readString(json);
        for (Clause clause : Clauses.load().all()) {
            assertThat(text).contains("\"id\": \"" + clause.id() + "\"");
        }
    }

    private static boolean isScanned(Path file) {
        String name = file.getFileName().toString();
        String path = file.toString();
        if (path.contains("/target/") || path.contains("/.git/") || path.contains("/node_modules/")) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        return Files.isRegularFile(file)
                && dot >= 0
                && SCANNED.contains(name.substring(dot))
                && !path.endsWith("docs/spec/jgi-1.0.md");
    }
}
