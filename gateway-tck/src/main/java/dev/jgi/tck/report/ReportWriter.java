package dev.jgi.tck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jgi.validator.ClauseLinks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** Writes {@code report.json} and {@code report.md} for a run. */
public final class ReportWriter {

    private ReportWriter() {}

    public static void write(TckReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve("report.json").toFile(), report);
        Files.writeString(dir.resolve("report.md"), markdown(report, true), StandardCharsets.UTF_8);
    }

    /**
     * The report as Markdown; with {@code evidence}, failures show the bytes exchanged. Each clause
     * ID links to its clause in the rendered specification ({@link ClauseLinks}).
     */
    public static String markdown(TckReport report, boolean evidence) {
        return markdown(report, evidence, id -> "[" + id + "](" + ClauseLinks.of(id) + ")");
    }

    /**
     * The report as the project commits it under {@code docs/tck/}: without evidence, each clause
     * ID linked to the specification's source there, so that no path of the machine that ran it
     * leaks into the repository.
     */
    public static String committedMarkdown(TckReport report) {
        return markdown(report, false, id -> "[" + id + "](../spec/jgi-1.0.md#" + id + ")");
    }

    /** The report as Markdown, each clause ID written as {@code clause} renders it. */
    public static String markdown(TckReport report, boolean evidence, Function<String, String> clause) {
        ReportHeader h = report.header();
        StringBuilder md = new StringBuilder();
        md.append("# JGI TCK report: ")
                .append(h.suite())
                .append(" suite\n\n")
                .append("| | |\n|---|---|\n")
                .append("| TCK version | ")
                .append(h.tckVersion())
                .append(" |\n")
                .append("| Subject | ")
                .append(h.subject())
                .append(" |\n")
                .append("| Server (ServerInfo) | ")
                .append(h.serverName())
                .append(' ')
                .append(h.serverVersion())
                .append(", spec ")
                .append(h.specVersion())
                .append(" |\n")
                .append("| Declared capabilities | ")
                .append(h.capabilities().isEmpty() ? "none" : String.join(", ", h.capabilities()))
                .append(" |\n");
        if (!h.protocols().isEmpty()) {
            md.append("| Protocols tested | ")
                    .append(String.join(", ", h.protocols()))
                    .append(" |\n");
        }
        md.append("| JVM | ")
                .append(h.jvm())
                .append(" |\n")
                .append("| Run | ")
                .append(h.started())
                .append(" to ")
                .append(h.finished())
                .append(" |\n\n");
        md.append("**")
                .append(report.mandatoryFailed() ? "NOT CONFORMING" : "CONFORMING")
                .append("**: ");
        for (ClauseVerdict.Verdict v : ClauseVerdict.Verdict.values()) {
            md.append(v).append(' ').append(report.count(v)).append(v == ClauseVerdict.Verdict.SKIP ? "" : ", ");
        }
        long passed = report.tests().stream()
                .filter(t -> t.status() == TestOutcome.Status.PASSED)
                .count();
        md.append(" (clauses); ")
                .append(report.tests().size())
                .append(" tests, ")
                .append(passed)
                .append(" passed.\n\n");
        md.append("| Clause | Level | Verdict | Tests | Note |\n|---|---|---|---|---|\n");
        for (ClauseVerdict c : report.clauses()) {
            md.append("| ")
                    .append(clause.apply(c.id()))
                    .append(" | ")
                    .append(c.level())
                    .append(" | ")
                    .append(c.verdict())
                    .append(" | ")
                    .append(c.tests().size())
                    .append(" | ")
                    .append(cell(c.reason()))
                    .append(" |\n");
        }
        if (evidence) {
            for (TestOutcome t : report.tests()) {
                if (t.status() == TestOutcome.Status.FAILED) {
                    md.append("\n## FAILED ")
                            .append(t.test())
                            .append(' ')
                            .append(t.display())
                            .append("\n\n")
                            .append("Clauses: ")
                            .append(String.join(
                                    ", ", t.clauses().stream().map(clause).toList()))
                            .append("\n\n")
                            .append("```\n")
                            .append(t.message())
                            .append("\n```\n\n");
                    if (!t.evidence().isEmpty()) {
                        md.append("Bytes exchanged:\n\n```\n")
                                .append(t.evidence())
                                .append("\n```\n");
                    }
                }
            }
        }
        return md.toString();
    }

    private static String cell(String text) {
        String one = text == null ? "" : text.replace('\n', ' ').replace("|", "\\|");
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }
}
