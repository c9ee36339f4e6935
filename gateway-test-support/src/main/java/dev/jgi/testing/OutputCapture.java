package dev.jgi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One output stream of a child process read to its end on a thread of its own, as text. Every
 * change is published under the monitor {@code changes}, which waiters share across streams.
 */
final class OutputCapture {

    private final Object changes;
    private final StringBuilder text = new StringBuilder();
    private final Thread reader;
    private boolean ended;

    OutputCapture(InputStream stream, Object changes, String name) {
        this.changes = changes;
        this.reader = Thread.ofPlatform().daemon().name(name).start(() -> copy(stream));
    }

    private void copy(InputStream stream) {
        char[] buffer = new char[8192];
        try (Reader in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (changes) {
                    text.append(buffer, 0, n);
                    changes.notifyAll();
                }
            }
        } catch (IOException closed) {
            // the process was killed: what came so far is its output
        } finally {
            synchronized (changes) {
                ended = true;
                changes.notifyAll();
            }
        }
    }

    String text() {
        synchronized (changes) {
            return text.toString();
        }
    }

    boolean ended() {
        synchronized (changes) {
            return ended;
        }
    }

    Optional<MatchResult> find(Pattern pattern) {
        synchronized (changes) {
            Matcher matcher = pattern.matcher(text);
            return matcher.find() ? Optional.of(matcher.toMatchResult()) : Optional.empty();
        }
    }

    /**
     * Waits until the stream is read to its end (the process exited and its pipe drained), or 10 s
     * at most: a grandchild that inherited the pipe may keep it open longer.
     */
    void awaitEnd() throws InterruptedException {
        reader.join(Duration.ofSeconds(10));
    }
}
