package dev.jgi.kernel.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BodyLengthTest {

    @Test
    void aBodyOfTheDeclaredLengthIsFine() {
        BodyLength body = new BodyLength("GET", 200, OptionalLong.of(5));

        assertThat(body.add(2)).isEmpty();
        assertThat(body.add(3)).isEmpty();
        assertThat(body.end()).isEmpty();
        assertThat(body.produced()).isEqualTo(5);
    }

    @Test
    void aBodyThatRunsPastItsContentLengthIsABreachAtOnce() {
        BodyLength body = new BodyLength("GET", 200, OptionalLong.of(5));
        body.add(5);

        ResponseBreach breach = body.add(1).orElseThrow();

        assertThat(breach.clause()).isEqualTo("JGI-FRAME-5");
        assertThat(breach.serverClause()).isEqualTo("JGI-FRAME-6");
        assertThat(breach.message())
                .isEqualTo("[JGI-FRAME-6] the body runs past its content-length of 5 (JGI-FRAME-5)");
    }

    @Test
    void aShortBodyIsABreachAtItsEnd() {
        BodyLength body = new BodyLength("POST", 201, OptionalLong.of(10));
        body.add(4);

        assertThat(body.end()).map(ResponseBreach::reason).contains("the body has 4 bytes, its content-length says 10");
    }

    @Test
    void aBodyIsReportedAtMostOnce() {
        BodyLength body = new BodyLength("GET", 200, OptionalLong.of(1));

        assertThat(body.add(2)).isPresent();
        assertThat(body.add(2)).isEmpty();
        assertThat(body.end()).isEmpty();
        assertThat(body.produced()).isEqualTo(4);
    }

    @Test
    void withoutAContentLengthAnyLengthIsFine() {
        BodyLength body = new BodyLength("GET", 200, OptionalLong.empty());

        assertThat(body.add(Long.MAX_VALUE / 2)).isEmpty();
        assertThat(body.end()).isEmpty();
    }

    @Test
    void bodilessResponsesMayDeclareTheLengthOfABodyTheyDoNotSend() {
        assertThat(BodyLength.check("HEAD", 200, OptionalLong.of(1234), 0)).isEmpty();
        assertThat(BodyLength.check("GET", 304, OptionalLong.of(1234), 0)).isEmpty();
        assertThat(BodyLength.check("GET", 204, OptionalLong.of(0), 7)).isEmpty();
    }

    @Test
    void aBodyOfKnownLengthIsCheckedBeforeItIsSent() {
        assertThat(BodyLength.check("GET", 200, OptionalLong.of(3), 3)).isEmpty();
        assertThat(BodyLength.check("GET", 200, OptionalLong.of(3), 4))
                .map(ResponseBreach::reason)
                .contains("the body runs past its content-length of 3");
        assertThat(BodyLength.check("GET", 200, OptionalLong.of(3), 2))
                .map(ResponseBreach::reason)
                .contains("the body has 2 bytes, its content-length says 3");
        assertThat(BodyLength.check("GET", 200, OptionalLong.empty(), 2)).isEmpty();
    }
}
