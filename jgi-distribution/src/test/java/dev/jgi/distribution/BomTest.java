package dev.jgi.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.JgiProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@code jgi-bom} against the build itself: it lists every module the build publishes (a module
 * not marked {@code maven.deploy.skip}, itself or by a parent of the reactor), at the build's
 * version, and carries the parent's publishing metadata, which it cannot inherit.
 */
class BomTest {

    private static final Path ROOT = JgiProcess.root();

    @Test
    void listsEveryPublishedModuleAtTheBuildsVersion() throws Exception {
        Document bom = read(ROOT.resolve("jgi-bom/pom.xml"));
        Document parent = read(ROOT.resolve("pom.xml"));
        assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(child(parent.getDocumentElement(), "version"));

        Set<String> listed = new TreeSet<>();
        Element management = first(bom.getDocumentElement(), "dependencyManagement");
        for (Element dependency : children(first(management, "dependencies"), "dependency")) {
            assertThat(child(dependency, "groupId")).isEqualTo("dev.jgi");
            assertThat(child(dependency, "version")).isEqualTo("${project.version}");
            listed.add(child(dependency, "artifactId"));
        }
        Set<String> published = new TreeSet<>();
        collectPublished(ROOT, false, published);
        assertThat(listed).isEqualTo(published);
    }

    @Test
    void carriesTheParentsPublishingMetadata() throws Exception {
        Element bom = read(ROOT.resolve("jgi-bom/pom.xml")).getDocumentElement();
        Element parent = read(ROOT.resolve("pom.xml")).getDocumentElement();
        for (String element : List.of("url", "licenses", "developers", "scm", "inceptionYear")) {
            assertThat(first(bom, element).getTextContent().strip())
                    .as(element)
                    .isEqualTo(first(parent, element).getTextContent().strip());
        }
    }

    /** The jar modules under {@code dir} (its own pom and its {@code <modules>}) that are deployed. */
    private static void collectPublished(Path dir, boolean skippedAbove, Set<String> published) throws Exception {
        Element project = read(dir.resolve("pom.xml")).getDocumentElement();
        Element properties = first(project, "properties");
        boolean skipped = skippedAbove || (properties != null && "true".equals(child(properties, "maven.deploy.skip")));
        Element modules = first(project, "modules");
        String packaging = child(project, "packaging");
        if (!skipped && (packaging == null || packaging.equals("jar"))) {
            published.add(child(project, "artifactId"));
        }
        if (modules != null) {
            for (Element module : children(modules, "module")) {
                collectPublished(dir.resolve(module.getTextContent().strip()), skipped, published);
            }
        }
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static Element first(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static String child(Element parent, String name) {
        Element element = first(parent, name);
        return element == null ? null : element.getTextContent().strip();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }
}
