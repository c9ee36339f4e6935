package dev.jgi.kernel.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CloseCodesTest {

    @Test
    void exactlyTheCodesOfRfc6455Section7Point4MayBeSent() {
        int[] sendable =
                IntStream.rangeClosed(0, 70_000).filter(CloseCodes::sendable).toArray();

        int[] expected = IntStream.concat(
                        IntStream.concat(IntStream.rangeClosed(1000, 1003), IntStream.rangeClosed(1007, 1014)),
                        IntStream.rangeClosed(3000, 4999))
                .toArray();
        assertThat(sendable).containsExactly(expected);
    }

    @Test
    void negativeCodesAreNotSendable() {
        assertThat(CloseCodes.sendable(-1000)).isFalse();
    }
}
