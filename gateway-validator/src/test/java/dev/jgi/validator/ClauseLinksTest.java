package dev.jgi.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClauseLinksTest {

    @AfterEach
    void clear() {
        System.clearProperty(ClauseLinks.PROPERTY);
    }

    @Test
    void withoutConfigurationLinksPointIntoTheLocallyBuiltSite() {
        assumeTrue(System.getenv(ClauseLinks.VARIABLE) == null, "JGI_DOCS_URL is set in this environment");
        URI link = ClauseLinks.of("JGI-BODY-3");
        assertThat(link.getScheme()).isEqualTo("file");
        assertThat(link.getHost()).isNull();
        assertThat(link).isEqualTo(localSpec().resolve("#JGI-BODY-3"));
    }

    @Test
    void theConfiguredSiteRootGetsItsSlashAndTheSpecPage() {
        System.setProperty(ClauseLinks.PROPERTY, "http://127.0.0.1:8090/docs");
        assertThat(ClauseLinks.of("JGI-RESP-4")).hasToString("http://127.0.0.1:8090/docs/spec/jgi-1.0.html#JGI-RESP-4");
        assertThat(new Violation("JGI-RESP-4", Violation.Party.APPLICATION, "bad").url())
                .isEqualTo(ClauseLinks.of("JGI-RESP-4"));
    }

    @Test
    void aRelativeOrMalformedSettingFallsBackToTheLocalBuild() {
        for (String bad : new String[] {"docs/", "http://[broken"}) {
            System.setProperty(ClauseLinks.PROPERTY, bad);
            assertThat(ClauseLinks.of("JGI-APP-3"))
                    .as(bad)
                    .isEqualTo(localSpec().resolve("#JGI-APP-3"));
        }
    }

    private static URI localSpec() {
        String root = System.getProperty("jgi.root");
        Path checkout =
                (root == null ? Path.of("") : Path.of(root)).toAbsolutePath().normalize();
        return checkout.resolve("docs-site/target/site/spec/jgi-1.0.html").toUri();
    }
}
