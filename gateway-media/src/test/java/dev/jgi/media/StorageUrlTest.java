package dev.jgi.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StorageUrlTest {

    @Test
    void parsesSchemeLocationAndDecodedParameters() {
        StorageUrl url = StorageUrl.parse("s3://media/blog/uploads?endpoint=http%3A%2F%2F127.0.0.1%3A9000&region=eu");
        assertThat(url.scheme()).isEqualTo("s3");
        assertThat(url.location()).isEqualTo("media/blog/uploads");
        assertThat(url.parameters())
                .containsExactly(Map.entry("endpoint", "http://127.0.0.1:9000"), Map.entry("region", "eu"));
        assertThat(url.parameter("missing")).isEmpty();
    }

    @Test
    void aPlainPathOrAFileUrlIsADirectory() {
        assertThat(StorageUrl.parse("./media")).isEqualTo(new StorageUrl("file", "./media", Map.of()));
        assertThat(StorageUrl.parse("file:media").location()).isEqualTo("media");
        assertThat(StorageUrl.parse("file:///srv/media").location()).isEqualTo("/srv/media");
        assertThat(StorageUrl.parse("C:\\media").scheme()).isEqualTo("file");
    }

    @Test
    void malformedUrlsAreClearErrors() {
        assertThatThrownBy(() -> StorageUrl.parse("s3://"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a location");
        assertThatThrownBy(() -> StorageUrl.parse("s3://b?region=a&region=b"))
                .hasMessageContaining("'region' given twice");
        assertThatThrownBy(() -> StorageUrl.parse("s3://b?x=%G1")).hasMessageContaining("percent-escape");
        assertThatThrownBy(() -> StorageUrl.parse("s3://b?regoin=eu").requireOnly(Set.of("region")))
                .hasMessageContaining("unknown parameter 'regoin'")
                .hasMessageContaining("known: region");
    }
}
