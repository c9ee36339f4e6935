package dev.jgi.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MediaNameTest {

    @Test
    void randomNamesHaveTheDocumentedShapeAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            MediaName name = MediaName.random(ImageType.PNG);
            assertThat(name.value()).matches("[a-z2-7]{26}\\.png");
            assertThat(seen.add(name.value())).isTrue();
        }
    }

    @Test
    void namesThatCouldTraverseOrCameFromAClientAreRefused() {
        for (String bad : new String[] {
            "../../etc/passwd",
            "aaaaaaaaaaaaaaaaaaaaaaaaaa/.png",
            "..aaaaaaaaaaaaaaaaaaaaaaaa.png",
            "AAAAAAAAAAAAAAAAAAAAAAAAAA.png",
            "aaaaaaaaaaaaaaaaaaaaaaaaaa",
            "aaaaaaaaaaaaaaaaaaaaaaaaaa.png/..",
            "aaaaaaaaaaaaaaaaaaaaaaaaaa.png\u0000.txt",
            "holiday.png",
            ""
        }) {
            assertThatThrownBy(() -> new MediaName(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a media name");
        }
    }
}
