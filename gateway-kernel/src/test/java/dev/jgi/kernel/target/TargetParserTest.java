package dev.jgi.kernel.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.RequestTarget;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetParserTest {

    @Test
    void plainPathIsReturnedAsItIs() throws TargetRefusal {
        String raw = "/search/results";
        assertThat(TargetParser.decodePath(raw)).isSameAs(raw);
    }

    @Test
    void percentEscapesDecodeAsUtf8() throws TargetRefusal {
        assertThat(TargetParser.decodePath("/caf%C3%A9/a%20b")).isEqualTo("/café/a b");
        assertThat(TargetParser.decodePath("/%F0%9F%98%80")).isEqualTo("/\uD83D\uDE00");
    }

    @Test
    void hexDigitsOfAnEscapeMayBeEitherCase() throws TargetRefusal {
        assertThat(TargetParser.decodePath("/%c3%a9%4A")).isEqualTo("/éJ");
    }

    @Test
    void encodedSlashAndPercentStayEncodedInUpperCase() throws TargetRefusal {
        assertThat(TargetParser.decodePath("/a%2fb/c%2Fd/100%25")).isEqualTo("/a%2Fb/c%2Fd/100%25");
    }

    @Test
    void anEncodedPercentIsNotDecodedTwice() throws TargetRefusal {
        assertThat(TargetParser.decodePath("/%2541")).isEqualTo("/%2541");
    }

    @ParameterizedTest
    @CsvSource({
        "/a/./b/../c, /a/c",
        "/a/b/.., /a/",
        "/a/., /a/",
        "/a/./, /a/",
        "/., /",
        "/a/.., /",
        "/a/%2e%2E/b, /b",
        "/a/%2E/b, /a/b",
        "/a/.b/..c, /a/.b/..c",
        "//.., /",
        "/a/b/../../c/, /c/"
    })
    void dotSegmentsAreRemovedAsRfc3986Does(String raw, String decoded) throws TargetRefusal {
        assertThat(TargetParser.decodePath(raw)).isEqualTo(decoded);
    }

    @Test
    void anEncodedSlashIsNotASegmentBoundaryForDotSegments() throws TargetRefusal {
        assertThat(TargetParser.decodePath("/a/..%2F..%2Fb")).isEqualTo("/a/..%2F..%2Fb");
    }

    @Test
    void emptySegmentsAreKept() throws TargetRefusal {
        assertThat(TargetParser.decodePath("//a//b/")).isEqualTo("//a//b/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/..", "/a/../..", "/a/../../etc", "/%2e%2e", "/./.."})
    void climbingAboveTheRootIsRefusedWith400(String raw) {
        assertThatThrownBy(() -> TargetParser.decodePath(raw)).isInstanceOfSatisfying(TargetRefusal.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.clause()).isEqualTo("JGI-PATH-8");
            assertThat(refusal.getMessage()).startsWith("[JGI-PATH-8] ");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%G1", "/a%", "/a%4", "/%%41", "/a%4G", "/%-1"})
    void malformedEscapesAreRefusedWith400(String raw) {
        assertRefused(raw, 400, "JGI-PATH-6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%G1", "/a%", "/a%4", "/a%4G", "/a%zz/b"})
    void aMalformedEscapeIsNamedAsSuchNotAsBadUtf8(String raw) {
        assertThatThrownBy(() -> TargetParser.decodePath(raw)).as(raw).hasMessageContaining("malformed percent escape");
    }

    @Test
    void anEscapeWhoseFirstDigitIsZeroDecodes() throws TargetRefusal {
        assertThat(TargetParser.decodePath("/a%09b%0a")).isEqualTo("/a\tb\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%C3%28", "/%FF", "/%E2%82", "/%C0%AF", "/%ED%A0%80"})
    void octetsThatAreNotUtf8AreRefusedWith400(String raw) {
        assertRefused(raw, 400, "JGI-PATH-6");
    }

    @Test
    void rawOctetsAboveAsciiAreTakenAsTheBytesReceived() throws TargetRefusal {
        String received = new String("/é".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(TargetParser.decodePath(received)).isEqualTo("/é");
    }

    @Test
    void aLoneRawOctetAboveAsciiIsNotUtf8() {
        assertRefused("/caf\u00E9", 400, "JGI-PATH-6");
    }

    @Test
    void aCharacterThatIsNoOctetIsRefused() {
        assertRefused("/\u20AC", 400, "JGI-PATH-6");
        assertThatThrownBy(() -> TargetParser.decodePath("/\u20AC")).hasMessageContaining("not an octet");
    }

    @Test
    void theHighestOctetIsAnOctet() {
        // U+00FF is the octet 0xFF, which no UTF-8 sequence holds: refused as bad UTF-8, not as a non-octet.
        assertThatThrownBy(() -> TargetParser.decodePath("/\u00FF")).hasMessageNotContaining("not an octet");
    }

    @Test
    void aPathThatDoesNotStartWithASlashIsRefused() {
        assertRefused("a/b", 400, "JGI-PATH-6");
    }

    @Test
    void theEmptyPathOfAnAbsoluteFormTargetIsTheRoot() throws TargetRefusal {
        assertThat(TargetParser.decodePath("")).isEqualTo("/");
    }

    @Test
    void originFormKeepsRawPathAndQueryUndecoded() throws TargetRefusal {
        RequestTarget target = TargetParser.parse("/a%20b?x=%41&y", "");

        assertThat(target).isEqualTo(new RequestTarget("/a%20b?x=%41&y", "/a%20b", "", "/a b", Optional.of("x=%41&y")));
    }

    @Test
    void queryIsEmptyWithoutAQuestionMarkAndTheEmptyStringWhenItEndsTheTarget() throws TargetRefusal {
        assertThat(TargetParser.parse("/a", "").query()).isEmpty();
        assertThat(TargetParser.parse("/a?", "").query()).contains("");
    }

    @Test
    void queryStartsAfterTheFirstQuestionMark() throws TargetRefusal {
        RequestTarget target = TargetParser.parse("/a?b?c=/d", "");

        assertThat(target.rawPath()).isEqualTo("/a");
        assertThat(target.query()).contains("b?c=/d");
    }

    @Test
    void absoluteFormTakesPathAndQueryAndKeepsTheRawTarget() throws TargetRefusal {
        RequestTarget target = TargetParser.parse("http://example.com:8080/x/y?q", "");

        assertThat(target)
                .isEqualTo(new RequestTarget("http://example.com:8080/x/y?q", "/x/y", "", "/x/y", Optional.of("q")));
    }

    @Test
    void absoluteFormWithAnEmptyPathIsTheRoot() throws TargetRefusal {
        RequestTarget bare = TargetParser.parse("https://example.com", "");
        RequestTarget queried = TargetParser.parse("HTTP://example.com?q=1", "");

        assertThat(bare.rawPath()).isEmpty();
        assertThat(bare.path()).isEqualTo("/");
        assertThat(queried.path()).isEqualTo("/");
        assertThat(queried.query()).contains("q=1");
    }

    @Test
    void authorityOfAnAbsoluteFormTargetDropsTheUserInformation() {
        assertThat(TargetParser.authority("http://user:pw@example.com:8080/a?b"))
                .contains("example.com:8080");
        assertThat(TargetParser.authority("https://example.com?x")).contains("example.com");
        assertThat(TargetParser.authority("/a?b")).isEmpty();
        assertThat(TargetParser.authority("/http://example.com/")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "a/b", "ftp://example.com/a", "", "example.com:443"})
    void aTargetThatIsNeitherOriginNorAbsoluteFormIsRefusedWith400(String raw) {
        assertThatThrownBy(() -> TargetParser.parse(raw, "")).isInstanceOfSatisfying(TargetRefusal.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.clause()).isEqualTo("JGI-REQ-4");
        });
    }

    @Test
    void mountSplitsAtASegmentBoundary() throws TargetRefusal {
        RequestTarget inside = TargetParser.parse("/shop/cart?x", "/shop");
        RequestTarget point = TargetParser.parse("/shop", "/shop");
        RequestTarget slash = TargetParser.parse("/shop/", "/shop");

        assertThat(inside.mountPath()).isEqualTo("/shop");
        assertThat(inside.path()).isEqualTo("/cart");
        assertThat(point.path()).isEmpty();
        assertThat(slash.path()).isEqualTo("/");
        assertThat(inside.fullPath()).isEqualTo("/shop/cart");
    }

    @Test
    void mountComparesTheDecodedPath() throws TargetRefusal {
        RequestTarget target = TargetParser.parse("/caf%C3%A9/menu", "/café");

        assertThat(target.rawPath()).isEqualTo("/caf%C3%A9/menu");
        assertThat(target.path()).isEqualTo("/menu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/shopping", "/", "/sho", "/other/shop", "/shop%2Fcart"})
    void aPathOutsideTheMountIsRefusedWith404(String raw) {
        assertThatThrownBy(() -> TargetParser.parse(raw, "/shop"))
                .isInstanceOfSatisfying(TargetRefusal.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(404);
                    assertThat(refusal.clause()).isEqualTo("JGI-PATH-5");
                });
    }

    @Test
    void aDotSegmentCannotLeaveTheMountUnseen() {
        assertThatThrownBy(() -> TargetParser.parse("/shop/../admin", "/shop"))
                .isInstanceOfSatisfying(
                        TargetRefusal.class,
                        refusal -> assertThat(refusal.status()).isEqualTo(404));
    }

    @Test
    void anInvalidMountIsTheCallersMistake() {
        assertThatThrownBy(() -> TargetParser.parse("/shop/a", "/shop/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JGI-PATH-2");
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> TargetParser.parse(null, "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TargetParser.decodePath(null)).isInstanceOf(NullPointerException.class);
    }

    private static void assertRefused(String raw, int status, String clause) {
        assertThatThrownBy(() -> TargetParser.decodePath(raw))
                .as(raw)
                .isInstanceOfSatisfying(TargetRefusal.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(status);
                    assertThat(refusal.clause()).isEqualTo(clause);
                    assertThat(refusal.getMessage()).startsWith("[" + clause + "] ");
                    assertThat(refusal.getStackTrace()).isEmpty();
                });
    }
}
