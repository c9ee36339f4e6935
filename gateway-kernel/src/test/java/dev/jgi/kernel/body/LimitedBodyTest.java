package dev.jgi.kernel.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.BodyTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LimitedBodyTest {

    private static LimitedBody body(int length, OptionalLong announced) {
        return new LimitedBody(new ByteArrayInputStream(new byte[length]), announced);
    }

    @Test
    void withoutALimitTheWholeBodyReads() throws IOException {
        assertThat(body(100, OptionalLong.of(100)).readAllBytes()).hasSize(100);
    }

    @Test
    void aBodyOfExactlyTheLimitReadsToItsEnd() throws IOException {
        LimitedBody body = body(4, OptionalLong.empty());
        body.lower(4);
        assertThat(body.readAllBytes()).hasSize(4);
        assertThat(body.read()).isEqualTo(-1);
    }

    @Test
    void anAnnouncedBodyOfExactlyTheLimitReads() throws IOException {
        LimitedBody body = body(5, OptionalLong.of(5));
        body.lower(5);
        assertThat(body.readAllBytes()).hasSize(5);
    }

    @Test
    void aLimitOfZeroTakesAnEmptyBodyAndRefusesOneByte() throws IOException {
        LimitedBody empty = body(0, OptionalLong.empty());
        empty.lower(0);
        assertThat(empty.read()).isEqualTo(-1);
        LimitedBody one = body(1, OptionalLong.empty());
        one.lower(0);
        assertThatThrownBy(one::read).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void aBodyOneBytePastTheLimitFailsInOneLargeRead() {
        LimitedBody body = body(6, OptionalLong.empty());
        body.lower(5);
        assertThatThrownBy(() -> body.read(new byte[64])).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void aBodyPastTheLimitIsReadNoFurtherThanOneBytePastIt() throws IOException {
        ByteArrayInputStream server = new ByteArrayInputStream(new byte[10]);
        LimitedBody body = new LimitedBody(server, OptionalLong.empty());
        body.lower(4);
        assertThat(body.read(new byte[2])).isEqualTo(2);
        assertThatThrownBy(() -> body.read(new byte[64])).isInstanceOf(BodyTooLargeException.class);
        assertThat(server.available())
                .as("bytes left in the server's stream: a body past the limit is not drained")
                .isEqualTo(5);
    }

    @Test
    void availableAndCloseReachTheServersStream() throws IOException {
        AtomicInteger closes = new AtomicInteger();
        InputStream server = new ByteArrayInputStream(new byte[3]) {
            @Override
            public void close() {
                closes.incrementAndGet();
            }
        };
        LimitedBody body = new LimitedBody(server, OptionalLong.empty());
        assertThat(body.available()).isEqualTo(3);
        body.close();
        assertThat(closes).hasValue(1);
    }

    @Test
    void anUnannouncedBodyPastTheLimitFailsOnceItCrossesIt() throws IOException {
        LimitedBody body = body(10, OptionalLong.empty());
        body.lower(4);
        byte[] buffer = new byte[3];
        assertThat(body.read(buffer)).isEqualTo(3);
        assertThatThrownBy(() -> body.read(buffer))
                .isInstanceOf(BodyTooLargeException.class)
                .hasMessageContaining("[JGI-LIM-7]")
                .satisfies(e -> assertThat(((BodyTooLargeException) e).limit()).isEqualTo(4));
    }

    @Test
    void anAnnouncedBodyOverTheLimitFailsBeforeAnyByteIsRead() {
        AtomicInteger reads = new AtomicInteger();
        InputStream counting = new ByteArrayInputStream(new byte[10]) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                reads.incrementAndGet();
                return super.read(b, off, len);
            }
        };
        LimitedBody body = new LimitedBody(counting, OptionalLong.of(10));
        body.lower(4);
        assertThatThrownBy(body::read).isInstanceOf(BodyTooLargeException.class);
        assertThat(reads)
                .as("reads of the server's stream, which would send 100 Continue")
                .hasValue(0);
    }

    @Test
    void aLimitOnlyGoesDown() throws IOException {
        LimitedBody body = body(10, OptionalLong.empty());
        body.lower(4);
        body.lower(1_000);
        assertThatThrownBy(body::readAllBytes).isInstanceOf(BodyTooLargeException.class);
        assertThatThrownBy(() -> body.lower(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailureCausedByALimitIsRecognisedThroughItsCauses() {
        BodyTooLargeException tooLarge = new BodyTooLargeException("too large", 4);
        assertThat(LimitedBody.causedByLimit(tooLarge)).isTrue();
        assertThat(LimitedBody.causedByLimit(new UncheckedIOException(tooLarge)))
                .isTrue();
        assertThat(LimitedBody.causedByLimit(new IOException("other"))).isFalse();
        assertThat(LimitedBody.causedByLimit(null)).isFalse();
    }
}
