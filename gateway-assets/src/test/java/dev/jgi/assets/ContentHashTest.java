package dev.jgi.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    private static final String SHA = "3f2a1b9c" + "0".repeat(56);

    @Test
    void tagGoesBeforeTheLastExtension() {
        assertThat(ContentHash.hashedName("css/site.css", SHA)).isEqualTo("css/site.3f2a1b9c.css");
        assertThat(ContentHash.hashedName("js/app.min.js", SHA)).isEqualTo("js/app.min.3f2a1b9c.js");
        assertThat(ContentHash.hashedName("LICENSE", SHA)).isEqualTo("LICENSE.3f2a1b9c");
        assertThat(ContentHash.hashedName("v1.2/README", SHA)).isEqualTo("v1.2/README.3f2a1b9c");
    }

    @Test
    void hashedNamesAreRecognisedAndReversed() {
        assertThat(ContentHash.tagOf("css/site.3f2a1b9c.css")).hasValue("3f2a1b9c");
        assertThat(ContentHash.plainName("css/site.3f2a1b9c.css")).hasValue("css/site.css");
        assertThat(ContentHash.plainName("LICENSE.3f2a1b9c")).hasValue("LICENSE");
        assertThat(ContentHash.tagOf("css/site.css")).isEmpty();
        assertThat(ContentHash.tagOf("css/site.3F2A1B9C.css")).isEmpty();
    }

    @Test
    void sha256IsTheStandardDigest() {
        assertThat(ContentHash.sha256("abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
