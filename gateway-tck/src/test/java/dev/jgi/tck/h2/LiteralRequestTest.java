package dev.jgi.tck.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.tck.wire.RawResponse.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiteralRequestTest {

    @Test
    void chunksBecomeOnePiecePerChunkAndTheTrailerSectionTrailingFields() {
        LiteralRequest request = LiteralRequest.parse(
                "POST /up?x=1 HTTP/1.1\r\nHost: h:1\r\nTransfer-Encoding: chunked\r\n"
                        + "Connection: keep-alive\r\nX-A: 1\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-T: t\r\n\r\n");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/up?x=1");
        assertThat(request.authority()).isEqualTo("h:1");
        assertThat(request.pieces())
                .extracting(p -> new String(p, StandardCharsets.ISO_8859_1))
                .containsExactly("hello", " world");
        assertThat(request.trailers()).containsExactly(new Field("X-T", "t"));
        assertThat(request.http2Fields())
                .as("connection-specific fields dropped, names lowercased (RFC 9113 §8.2)")
                .containsExactly(new Field("x-a", "1"));
    }

    @Test
    void aContentLengthBodyIsOnePieceAndNoBodyIsNone() {
        LiteralRequest sized = LiteralRequest.parse("PUT / HTTP/1.1\r\nContent-Length: 3\r\nTE: trailers\r\n\r\nabc");
        assertThat(sized.pieces()).singleElement().isEqualTo("abc".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(sized.http2Fields()).containsExactly(new Field("content-length", "3"), new Field("te", "trailers"));
        assertThat(sized.authority()).as("no Host, no :authority").isEmpty();
        LiteralRequest empty = LiteralRequest.parse("GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        assertThat(empty.pieces()).isEmpty();
        assertThat(empty.trailers()).isEmpty();
    }

    @Test
    void anAbsoluteFormTargetGivesAuthorityAndPath() {
        LiteralRequest request =
                LiteralRequest.parse("GET http://example.test:8/a/b?q HTTP/1.1\r\nHost: other\r\n\r\n");
        assertThat(request.authority()).isEqualTo("example.test:8");
        assertThat(request.path()).isEqualTo("/a/b?q");
    }

    @Test
    void linesWithoutHttp2FormAreRefusedNotGuessed() {
        assertThatThrownBy(() -> LiteralRequest.parse("GET / HTTP/1.1\r\nX-No-Colon\r\n\r\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-No-Colon");
    }

    @Test
    void theLiteralBlockDecodesToTheSameFieldsBytesIncluded() {
        List<Field> fields = List.of(
                new Field(":status", "200"), new Field("x-long", "v".repeat(300)), new Field("x-latin", "caf\u00e9"));
        HeaderBlock.Decoded decoded = new HeaderBlock().decode(HeaderBlock.encode(fields));
        assertThat(decoded.status()).isEqualTo(200);
        assertThat(decoded.fields()).containsExactly(fields.get(1), fields.get(2));
    }
}
