package dev.jgi.docs.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The API reference: the javadoc each published module's build writes
 * ({@code MODULE/target/reports/apidocs}) copied under {@code api/MODULE/}, and a page linking them.
 */
final class ApiReference {

    /** A published module and what it is for. */
    record Module(String name, String purpose) {}

    static final List<Module> MODULES = List.of(
            new Module(
                    "gateway-api",
                    "the contract: `Application`, `AsyncApplication`, `Request`, `Response`, events and actions"),
            new Module("gateway-harness", "runs an application in process, in tests, as a conforming server would"),
            new Module("gateway-validator", "wraps an application and reports each broken clause, both sides"));

    private ApiReference() {}

    static void write(Path checkout, SiteOutput out) throws IOException {
        StringBuilder md = new StringBuilder("# API reference\n\n")
                .append("The javadoc of the published modules, as this build generated it. Each type's javadoc")
                .append(" restates the clauses it carries by ID; the [specification](../spec/jgi-1.0.md) is")
                .append(" normative.\n\n| Module | What it is for |\n|---|---|\n");
        for (Module module : MODULES) {
            Path apidocs = checkout.resolve(module.name()).resolve("target/reports/apidocs");
            md.append("| ");
            if (Files.isRegularFile(apidocs.resolve("index.html"))) {
                DocFiles.copyTree(apidocs, out.files().resolve("api").resolve(module.name()));
                // A full page load: the javadoc is not a page of the site's router.
                md.append("[`")
                        .append(module.name())
                        .append("`](./")
                        .append(module.name())
                        .append("/index.html){target=\"_self\"}");
            } else {
                md.append('`').append(module.name()).append("` (javadoc not built: run `mvn verify`)");
            }
            md.append(" | ").append(module.purpose()).append(" |\n");
        }
        out.page("api/index.md", md.toString());
    }
}
