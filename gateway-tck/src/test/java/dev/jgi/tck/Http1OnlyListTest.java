package dev.jgi.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

/** docs/tck/http1-only.md lists exactly the {@link Http1Only} server tests, with their reasons. */
class Http1OnlyListTest {

    @Test
    void theVendorListMatchesTheAnnotations() throws IOException {
        Set<String> annotated = new TreeSet<>();
        for (Class<?> type : ReflectionSupport.findAllClassesInPackage(
                "dev.jgi.tck.server", c -> c.getSimpleName().endsWith("Tests"), n -> true)) {
            for (Method method : type.getDeclaredMethods()) {
                Http1Only only = method.getAnnotation(Http1Only.class);
                if (only != null) {
                    assertThat(only.value()).as("reason of %s", method).isNotBlank();
                    annotated.add("| `" + type.getSimpleName() + "#" + method.getName() + "` | " + only.value() + " |");
                }
            }
        }
        Set<String> listed = new TreeSet<>(Files.readAllLines(Path.of("..", "docs", "tck", "http1-only.md")).stream()
                .filter(l -> l.startsWith("| `"))
                .toList());
        assertThat(listed).isEqualTo(annotated);
    }
}
