package dev.jgi.tck.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A report's tests as one JUnit XML file ({@code TEST-<suite>.xml}, the Ant format that CI servers
 * read), for the application suite, which runs its scenarios without JUnit. The server suite's XML
 * comes from JUnit's own listener.
 */
public final class JunitXml {

    private JunitXml() {}

    /** Writes {@code report}'s tests to {@code dir}; returns the file. */
    public static Path write(TckReport report, Path dir) {
        Path file = dir.resolve("TEST-jgi-" + report.header().suite() + "-suite.xml");
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(file)) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeStartElement("testsuite");
                xml.writeAttribute(
                        "name",
                        "jgi-" + report.header().suite() + "-suite "
                                + report.header().subject());
                xml.writeAttribute("tests", String.valueOf(report.tests().size()));
                xml.writeAttribute("failures", String.valueOf(count(report, TestOutcome.Status.FAILED)));
                xml.writeAttribute("skipped", String.valueOf(count(report, TestOutcome.Status.SKIPPED)));
                xml.writeAttribute("errors", "0");
                xml.writeAttribute("timestamp", report.header().started());
                for (TestOutcome test : report.tests()) {
                    testcase(xml, test);
                }
                xml.writeEndElement();
                xml.writeEndDocument();
                xml.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JUnit XML to " + dir, e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML to " + dir, e);
        }
        return file;
    }

    private static void testcase(XMLStreamWriter xml, TestOutcome test) throws XMLStreamException {
        int hash = test.test().indexOf('#');
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", hash < 0 ? test.test() : test.test().substring(0, hash));
        xml.writeAttribute("name", (hash < 0 ? test.test() : test.test().substring(hash + 1)) + test.display());
        switch (test.status()) {
            case FAILED -> {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", String.join(" ", test.clauses()));
                xml.writeCharacters(test.message());
                xml.writeEndElement();
            }
            case SKIPPED -> {
                xml.writeStartElement("skipped");
                xml.writeAttribute("message", test.message());
                xml.writeEndElement();
            }
            case PASSED -> {
                // A passed testcase has no child element.
            }
        }
        xml.writeEndElement();
    }

    private static long count(TckReport report, TestOutcome.Status status) {
        return report.tests().stream().filter(t -> t.status() == status).count();
    }
}
