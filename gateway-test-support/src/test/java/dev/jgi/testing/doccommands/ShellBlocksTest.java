package dev.jgi.testing.doccommands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellBlocksTest {

    @TempDir
    Path dir;

    private List<ShellBlock> blocks(String markdown) throws Exception {
        Path file = dir.resolve("doc.md");
        Files.writeString(file, markdown);
        return ShellBlocks.of(file);
    }

    @Test
    void onlyShellFencesCountAndEachLineIsACommandWithoutItsComment() throws Exception {
        List<ShellBlock> blocks = blocks("""
                # Title

                ```java
                class A {}
                ```

                ```sh
                bin/demo    # serves the blog
                # a comment line

                echo 'a # kept' "b # kept" c#kept
                ```

                ```
                not run
                ```

                ~~~bash
                mvn -B \\
                    -q verify
                ~~~
                """);
        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0).line()).isEqualTo(7);
        assertThat(blocks.get(0).commands())
                .containsExactly(
                        new ShellCommand(8, "bin/demo", new ShellCommand.Run()),
                        new ShellCommand(11, "echo 'a # kept' \"b # kept\" c#kept", new ShellCommand.Run()));
        assertThat(blocks.get(1).commands())
                .containsExactly(new ShellCommand(19, "mvn -B -q verify", new ShellCommand.Run()));
    }

    @Test
    void directivesBeforeABlockMarkServersAndSkippedCommands() throws Exception {
        List<ShellBlock> blocks = blocks("""
                <!-- doc-commands
                serve bin/demo | http://127.0.0.1:8000/
                skip bin/test | it runs every test, this one included
                -->

                ```sh
                bin/demo    # serves
                bin/test
                ls
                ```

                ```sh
                bin/demo
                ```
                """);
        assertThat(blocks.get(0).commands())
                .extracting(ShellCommand::handling)
                .containsExactly(
                        new ShellCommand.Serve("http://127.0.0.1:8000/"),
                        new ShellCommand.Skip("it runs every test, this one included"),
                        new ShellCommand.Run());
        assertThat(blocks.get(1).commands()).extracting(ShellCommand::handling).containsExactly(new ShellCommand.Run());
    }

    @Test
    void aDirectiveThatNamesNoCommandOfItsBlockIsAnError() {
        assertThatThrownBy(() -> blocks("""
                        <!-- doc-commands
                        serve bin/dem0 | http://127.0.0.1:8000/
                        -->
                        ```sh
                        bin/demo
                        ```
                        """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("doc.md:4")
                .hasMessageContaining("names no command")
                .hasMessageContaining("bin/dem0");
    }

    @Test
    void malformedDirectivesAndStrayMarkersAreErrors() {
        assertThatThrownBy(() -> blocks("<!-- doc-commands\nserve bin/demo\n-->\n```sh\nbin/demo\n```\n"))
                .hasMessageContaining("'serve COMMAND | URL'");
        assertThatThrownBy(
                        () -> blocks("<!-- doc-commands\nserve bin/demo | 127.0.0.1:8000\n-->\n```sh\nbin/demo\n```\n"))
                .hasMessageContaining("http:// URL");
        assertThatThrownBy(() -> blocks("<!-- doc-commands\nrun bin/demo | x\n-->\n```sh\nbin/demo\n```\n"))
                .hasMessageContaining("unknown directive");
        assertThatThrownBy(() -> blocks("<!-- doc-commands\nskip ls | why\n-->\nSome text.\n\n```sh\nls\n```\n"))
                .hasMessageContaining("right before a shell block");
        assertThatThrownBy(() -> blocks("```sh\nls\n")).hasMessageContaining("unclosed code fence");
    }

    @Test
    void theScriptRunsCommandsInOneShellAndStopsServersAtTheEnd() throws Exception {
        ShellBlock block = blocks("""
                        <!-- doc-commands
                        serve bin/jgi serve app.jar | http://127.0.0.1:8000/
                        skip bin/test | too long
                        -->
                        ```sh
                        . bin/java-env
                        bin/jgi serve app.jar
                        curl -s http://127.0.0.1:8000/x
                        bin/test
                        ```
                        """).getFirst();
        String script = BlockScript.of(block, "/logs", 300);
        assertThat(script)
                .contains("{ . bin/java-env\n} || __fail 6 \"exit $?\"")
                .contains("setsid bash -c 'exec bin/jgi serve app.jar' > '/logs/serve-7.log' 2>&1 < /dev/null &")
                .contains("__wait_for 'http://127.0.0.1:8000/' $! 300 '/logs/serve-7.log' || __fail 7")
                .contains("{ curl -s http://127.0.0.1:8000/x\n}")
                .contains("# skipped: too long")
                .doesNotContain("{ bin/test")
                .endsWith("__stop_servers\n");
    }
}
