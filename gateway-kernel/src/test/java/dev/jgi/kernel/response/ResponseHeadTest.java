package dev.jgi.kernel.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Headers;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseHeadTest {

    @Test
    void aValidHeadHasNoBreachAndGivesItsContentLength() throws InvalidResponseException {
        Headers headers = Headers.of("content-type", "text/plain", "content-length", "13");

        assertThat(ResponseHead.breaches(200, headers)).isEmpty();
        assertThat(ResponseHead.check(200, headers)).hasValue(13);
        assertThat(ResponseHead.check(599, Headers.of())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 101, 103, 199})
    void anInterimStatusIsABreachOfJgiResp1(int status) {
        assertThat(ResponseHead.breaches(status, Headers.of()))
                .containsExactly(new ResponseBreach("JGI-RESP-1", "JGI-ERR-4", status + " is not a final status"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"connection", "Keep-Alive", "PROXY-CONNECTION", "te", "Transfer-Encoding", "upgrade"})
    void everyHopByHopFieldIsABreachOfJgiResp4InAnyCase(String name) {
        assertThatThrownBy(() -> ResponseHead.check(200, Headers.of(name, "x")))
                .isInstanceOfSatisfying(InvalidResponseException.class, invalid -> {
                    assertThat(invalid.breach().clause()).isEqualTo("JGI-RESP-4");
                    assertThat(invalid.breach().serverClause()).isEqualTo("JGI-RESP-5");
                    assertThat(invalid.getMessage())
                            .startsWith("[JGI-RESP-5] hop-by-hop field ")
                            .endsWith(" in the response (JGI-RESP-4)");
                    assertThat(invalid.getStackTrace()).isEmpty();
                });
    }

    @Test
    void aFieldThatMerelyContainsAHopByHopNameIsFine() {
        assertThat(ResponseHead.breaches(200, Headers.of("x-connection", "a", "tea", "b", "upgraded", "c")))
                .isEmpty();
    }

    @Test
    void everyBreachIsListedInOrderEachHopByHopNameOnce() {
        Headers headers =
                Headers.of("upgrade", "h2c", "connection", "keep-alive", "Upgrade", "websocket", "content-length", "x");

        assertThat(ResponseHead.breaches(101, headers))
                .extracting(ResponseBreach::clause)
                .containsExactly("JGI-RESP-1", "JGI-RESP-4", "JGI-RESP-4", "JGI-FRAME-5");
    }

    @Test
    void checkThrowsTheFirstBreach() {
        assertThatThrownBy(() -> ResponseHead.check(100, Headers.of("connection", "close")))
                .isInstanceOfSatisfying(
                        InvalidResponseException.class,
                        invalid -> assertThat(invalid.breach().clause()).isEqualTo("JGI-RESP-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "+5", "1.0", "0x10", " 5", "5 ", "1234567890123456789"})
    void aContentLengthThatIsNotADecimalNumberOfAtMost18DigitsIsABreachOfJgiFrame5(String value) {
        Headers headers = Headers.builder().add("content-length", value.strip()).build();
        if (value.strip().equals(value)) {
            assertThat(ResponseHead.breaches(
                            200, Headers.builder().add("content-length", value).build()))
                    .singleElement()
                    .satisfies(breach -> {
                        assertThat(breach.clause()).isEqualTo("JGI-FRAME-5");
                        assertThat(breach.serverClause()).isEqualTo("JGI-ERR-4");
                    });
        }
        assertThat(ResponseHead.contentLength(headers).isPresent())
                .isEqualTo(value.strip().matches("[0-9]{1,18}"));
    }

    @Test
    void theLargestContentLengthHas18Digits() throws InvalidResponseException {
        assertThat(ResponseHead.check(200, Headers.of("content-length", "999999999999999999")))
                .hasValue(999_999_999_999_999_999L);
        assertThat(ResponseHead.check(200, Headers.of("content-length", "0"))).hasValue(0);
    }

    @Test
    void repeatedContentLengthsMustAgree() throws InvalidResponseException {
        assertThat(ResponseHead.check(200, Headers.of("content-length", "5", "Content-Length", "5")))
                .hasValue(5);
        assertThat(ResponseHead.breaches(200, Headers.of("content-length", "5", "content-length", "6")))
                .singleElement()
                .extracting(ResponseBreach::reason)
                .isEqualTo("the content-length fields disagree");
        assertThat(ResponseHead.contentLength(Headers.of("content-length", "5", "content-length", "6")))
                .isEmpty();
    }

    @Test
    void noContentLengthIsNoBreach() {
        assertThat(ResponseHead.contentLength(Headers.of("content-type", "text/plain")))
                .isEqualTo(OptionalLong.empty());
    }

    @Test
    void aNoContentResponseLosesItsContentLengthAndKeepsTheRest() {
        Headers headers = Headers.of("content-length", "0", "x-id", "7");

        assertThat(ResponseHead.sendable("HTTP/1.1", 204, headers)).isEqualTo(Headers.of("x-id", "7"));
        assertThat(ResponseHead.sendable("HTTP/1.1", 200, headers)).isSameAs(headers);
        assertThat(ResponseHead.sendable("HTTP/1.1", 304, headers)).isSameAs(headers);
        Headers plain = Headers.of("x-id", "7");
        assertThat(ResponseHead.sendable("HTTP/1.1", 204, plain)).isSameAs(plain);
    }

    @Test
    void anApplicationMayAskToCloseItsConnection() throws InvalidResponseException {
        Headers close = Headers.of("x-id", "7", "Connection", "Close");

        ResponseHead.check(200, close);
        assertThat(ResponseHead.asksToClose(close)).isTrue();
        assertThat(ResponseHead.asksToClose(Headers.of("x-id", "7"))).isFalse();
        assertThat(ResponseHead.sendable("HTTP/1.1", 200, close)).isEqualTo(Headers.of("x-id", "7"));
        assertThat(ResponseHead.sendable("HTTP/2", 200, close)).isEqualTo(Headers.of("x-id", "7"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"keep-alive", "upgrade", "close, upgrade", "x-custom"})
    void aConnectionFieldOtherThanCloseIsABreachOfJgiResp4(String value) {
        assertThat(ResponseHead.breaches(200, Headers.of("connection", value)))
                .extracting(ResponseBreach::clause)
                .containsExactly("JGI-RESP-4");
    }

    @Test
    void aStatus426MayCarryUpgradeAndNoOtherStatusMay() {
        Headers upgrade = Headers.of("upgrade", "TLS/1.2, HTTP/1.1");

        assertThat(ResponseHead.breaches(426, upgrade)).isEmpty();
        assertThat(ResponseHead.breaches(200, upgrade))
                .extracting(ResponseBreach::clause)
                .containsExactly("JGI-RESP-4");
        assertThat(ResponseHead.breaches(426, Headers.of("upgrade", "h2c", "te", "trailers")))
                .extracting(ResponseBreach::reason)
                .containsExactly("hop-by-hop field te in the response");
    }

    @Test
    void aStatus426SendsItsUpgradeWithTheConnectionOptionOverHttp1AndDropsItOverHttp2() {
        Headers upgrade = Headers.of("upgrade", "TLS/1.2");

        assertThat(ResponseHead.sendable("HTTP/1.1", 426, upgrade))
                .isEqualTo(Headers.of("upgrade", "TLS/1.2", "connection", "upgrade"));
        assertThat(ResponseHead.sendable("HTTP/1.0", 426, upgrade))
                .isEqualTo(Headers.of("upgrade", "TLS/1.2", "connection", "upgrade"));
        assertThat(ResponseHead.sendable("HTTP/2", 426, upgrade)).isEqualTo(Headers.of());
    }

    @Test
    void headAndTheStatusesWithoutContentAreBodiless() {
        assertThat(ResponseHead.bodiless("HEAD", 200)).isTrue();
        assertThat(ResponseHead.bodiless("GET", 204)).isTrue();
        assertThat(ResponseHead.bodiless("GET", 304)).isTrue();
        assertThat(ResponseHead.bodiless("GET", 103)).isTrue();
        assertThat(ResponseHead.bodiless("GET", 200)).isFalse();
        assertThat(ResponseHead.bodiless("head", 200)).isFalse();
        assertThat(ResponseHead.bodiless("POST", 205)).isFalse();
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> ResponseHead.breaches(200, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ResponseBreach(null, "JGI-ERR-4", "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new InvalidResponseException(null)).isInstanceOf(NullPointerException.class);
    }
}
