package dev.jgi.tck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgi.validator.ClauseLinks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private static final TckReport REPORT = new TckReport(
            new ReportHeader(
                    "1.0.0",
                    "server",
                    "acme",
                    "acme-server",
                    "2.1",
                    "1.0",
                    List.of("WEBSOCKET"),
                    List.of("http/1.1", "h2c"),
                    "a JVM",
                    "2026-01-01T00:00:00Z",
                    "2026-01-01T00:00:10Z"),
            List.of(
                    new ClauseVerdict(
                            "JGI-BODY-3", "MUST", ClauseVerdict.Verdict.FAIL, "no | end", List.of("T#a [SYNC]")),
                    new ClauseVerdict("JGI-HDR-9", "SHOULD", ClauseVerdict.Verdict.PASS, "", List.of("T#b [SYNC]"))),
            List.of(
                    new TestOutcome(
                            "T#a",
                            "[SYNC]",
                            List.of("JGI-BODY-3"),
                            TestOutcome.Status.FAILED,
                            "no end",
                            "> GET / HTTP/1.1\\r\\n"),
                    new TestOutcome("T#b", "[SYNC]", List.of("JGI-HDR-9"), TestOutcome.Status.PASSED, "", "")));

    @Test
    void everyClauseIdInTheMarkdownReportLinksToItsClause() {
        String md = ReportWriter.markdown(REPORT, true);
        String body3 = "[JGI-BODY-3](" + ClauseLinks.of("JGI-BODY-3") + ")";
        assertThat(md)
                .contains("**NOT CONFORMING**")
                .contains("| Protocols tested | http/1.1, h2c |")
                .contains("| " + body3 + " | MUST | FAIL | 1 | no \\| end |")
                .contains("| [JGI-HDR-9](" + ClauseLinks.of("JGI-HDR-9") + ") | SHOULD | PASS | 1 |  |")
                .contains("Clauses: " + body3 + "\n");
    }

    @Test
    void theClauseRenderingCanBeChosenForPagesThatLinkThemselves() {
        String md = ReportWriter.markdown(REPORT, false, id -> "`" + id + "`");
        assertThat(md)
                .contains("| `JGI-BODY-3` | MUST | FAIL |")
                .doesNotContain("](")
                .doesNotContain("Bytes exchanged");
    }

    @Test
    void theJsonReportReadsBackIntoTheSameReport(@TempDir Path dir) throws Exception {
        ReportWriter.write(REPORT, dir);
        assertThat(new ObjectMapper().readValue(dir.resolve("report.json").toFile(), TckReport.class))
                .isEqualTo(REPORT);
        assertThat(Files.readString(dir.resolve("report.md"))).isEqualTo(ReportWriter.markdown(REPORT, true));
    }

    @Test
    void junitXmlCountsAndNamesEveryTest(@TempDir Path dir) throws Exception {
        Path file = JunitXml.write(REPORT, dir);
        var suite = javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(file.toFile())
                .getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        var cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        var failed = (org.w3c.dom.Element) cases.item(0);
        assertThat(failed.getAttribute("classname")).isEqualTo("T");
        assertThat(failed.getAttribute("name")).isEqualTo("a[SYNC]");
        assertThat(failed.getElementsByTagName("failure")
                        .item(0)
                        .getAttributes()
                        .getNamedItem("message")
                        .getNodeValue())
                .isEqualTo("JGI-BODY-3");
        assertThat(((org.w3c.dom.Element) cases.item(1))
                        .getElementsByTagName("failure")
                        .getLength())
                .isZero();
    }
}
