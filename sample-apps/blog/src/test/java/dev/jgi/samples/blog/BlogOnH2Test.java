package dev.jgi.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.samples.testing.EmbeddedServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blog on its embedded H2 file database, migrated at start-up as in development. */
class BlogOnH2Test extends BlogBehaviour {

    @TempDir
    static Path dir;

    @Override
    Config config() throws Exception {
        return settings("jdbc:h2:file:" + dir.resolve("blog-db"), true);
    }

    @Override
    boolean migrateByCommand() {
        return false;
    }

    @Test
    void withoutDebugAnUnmigratedDatabaseStopsTheStartWithTheCommandToRun() throws Exception {
        Config production = settings("jdbc:h2:file:" + dir.resolve("fresh-db"), false);
        assertThatThrownBy(() -> EmbeddedServer.start(new Blog(production)).close())
                .satisfies(e -> assertThat(messages(e))
                        .contains("lacks migrations [1, 2]")
                        .contains("java -jar blog.jar manage migrate"));
    }

    @Test
    void migrateIsIdempotent() throws Exception {
        assertThat(admin(config(), "", "migrate")).startsWith("Applied 0 migration(s)");
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
