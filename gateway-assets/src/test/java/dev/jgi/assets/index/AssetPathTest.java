package dev.jgi.assets.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"a.css", "css/site.3f2a1b9c.css", "img/logo.png", "a b/c%20d.txt", "x..y"})
    void ordinaryPathsAreCanonical(String path) {
        assertThat(AssetPath.isCanonical(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/a",
                "a/",
                "a//b",
                "..",
                "../a",
                "a/../b",
                "./a",
                ".env",
                "a/.git/config",
                "a\\b",
                "a\u0000b",
                "a\nb",
                "..%2fa",
                "a%2Fb",
                "a%5cb",
                "%2e%2e/a",
                "a%00"
            })
    void spellingsThatCouldLeaveTheRootOrRevealHiddenFilesAreNot(String path) {
        assertThat(AssetPath.isCanonical(path)).isFalse();
    }
}
