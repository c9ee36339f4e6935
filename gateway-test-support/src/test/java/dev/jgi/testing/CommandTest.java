package dev.jgi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void runCapturesBothStreamsAndTheExitCode() {
        ChildProcess.Result result =
                Command.of("sh", "-c", "echo out; echo err >&2; exit 3").run(WAIT);
        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThatThrownBy(result::successfulOutput)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("exited with 3")
                .hasMessageContaining("err");
    }

    @Test
    void inputDirectoryAndEnvironmentReachTheProcess(@TempDir Path dir) {
        String output = Command.of("sh", "-c", "read line; echo \"$line $GREETING $(pwd)\"")
                .in(dir)
                .with(Map.of("GREETING", "hello"))
                .input("typed\n")
                .run(WAIT)
                .successfulOutput();
        assertThat(output).isEqualTo("typed hello " + dir.toAbsolutePath() + "\n");
    }

    @Test
    void removedVariablesAreNotInherited() {
        String path = Command.of("sh", "-c", "echo \"[$HOME]\"")
                .without(List.of("HOME"))
                .run(WAIT)
                .successfulOutput();
        assertThat(path).isEqualTo("[]\n");
    }

    @Test
    void awaitOutputReturnsTheMatchAsSoonAsItIsWritten() throws Exception {
        try (ChildProcess process =
                Command.of("sh", "-c", "echo 'listening on 4711' >&2; sleep 60").start()) {
            assertThat(process.awaitOutput(Pattern.compile("listening on (\\d+)"), WAIT)
                            .group(1))
                    .isEqualTo("4711");
            assertThat(process.isAlive()).isTrue();
        }
    }

    @Test
    void awaitOutputFailsAtOnceWhenTheProcessEndsWithoutIt() {
        try (ChildProcess process =
                Command.of("sh", "-c", "echo 'no such app'; exit 2").start()) {
            assertThatThrownBy(() -> process.awaitOutput(Pattern.compile("listening"), WAIT))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("exit code 2")
                    .hasMessageContaining("no such app");
        }
    }

    @Test
    void closeEndsAProcessWithSigterm() throws Exception {
        ChildProcess process = Command.of(
                        "sh", "-c", "trap 'echo terminated; exit 0' TERM; echo ready; while :; do sleep 1; done")
                .start();
        process.awaitOutput(Pattern.compile("ready"), WAIT);
        process.close();
        assertThat(process.isAlive()).isFalse();
        assertThat(process.stdout()).contains("terminated");
    }

    @Test
    void anUnreadStandardOutputBlocksTheProcessOnceItsPipeIsFull() throws Exception {
        try (ChildProcess process = Command.of(
                        "sh", "-c", "echo started >&2; head -c 1048576 /dev/zero; echo written >&2")
                .withStdoutUnread()
                .start()) {
            process.awaitOutput(Pattern.compile("started"), WAIT);
            // Read, a mebibyte is written in milliseconds; unread, the pipe holds 64 KiB and the writer waits.
            assertThatThrownBy(() -> process.awaitExit(Duration.ofSeconds(1)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("did not exit within");
            assertThat(process.stderr()).doesNotContain("written");
            assertThat(process.stdout()).isEmpty();
        }
    }

    @Test
    void aMissingProgramIsAClearFailure() {
        assertThatThrownBy(() -> Command.of("/nonexistent/tool").run(WAIT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("cannot run /nonexistent/tool")
                .hasMessageContaining("bin/setup-system");
    }

    @Test
    void aProcessThatOutlivesItsTimeoutFailsTheTest() {
        assertThatThrownBy(() -> Command.of("sleep", "60").run(Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not exit within");
    }
}
