package dev.jgi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestTargetTest {

    private static final RequestTarget USERS =
            RequestTarget.of("/api/users/7?full", "/api/users/7", "/api/users/7", Optional.of("full"));

    @Test
    void mountedAtMovesAPrefixFromThePathToTheMount() {
        RequestTarget api = USERS.mountedAt("/api").orElseThrow();
        assertThat(api.mountPath()).isEqualTo("/api");
        assertThat(api.path()).isEqualTo("/users/7");
        assertThat(api.fullPath()).isEqualTo(USERS.fullPath());
        assertThat(api.raw()).isEqualTo(USERS.raw());
        assertThat(api.query()).contains("full");

        RequestTarget users = api.mountedAt("/users").orElseThrow();
        assertThat(users.mountPath()).isEqualTo("/api/users");
        assertThat(users.path()).isEqualTo("/7");
        assertThat(users.fullPath()).isEqualTo("/api/users/7");
    }

    @Test
    void mountedAtSplitsOnlyAtASegmentBoundary() {
        assertThat(USERS.mountedAt("/ap")).isEmpty();
        assertThat(USERS.mountedAt("/other")).isEmpty();
        assertThat(USERS.mountedAt("/api/users/7").orElseThrow().path()).isEmpty();
    }

    @Test
    void mountedAtTheEmptyPrefixChangesNothing() {
        assertThat(USERS.mountedAt("")).contains(USERS);
    }

    @Test
    void mountedAtRefusesAPrefixThatBreaksTheMountInvariants() {
        assertThatThrownBy(() -> USERS.mountedAt("/")).hasMessageContaining("JGI-PATH-2");
        assertThatThrownBy(() -> USERS.mountedAt("/api/")).hasMessageContaining("JGI-PATH-2");
        assertThatThrownBy(() -> USERS.mountedAt("api")).hasMessageContaining("JGI-PATH-2");
    }

    @Test
    void constructorEnforcesMountAndPathInvariants() {
        assertThatThrownBy(() -> new RequestTarget("/", "/", "/", "", Optional.empty()))
                .hasMessageContaining("JGI-PATH-2");
        assertThatThrownBy(() -> new RequestTarget("/a/", "/a/", "/a/", "", Optional.empty()))
                .hasMessageContaining("JGI-PATH-2");
        assertThatThrownBy(() -> new RequestTarget("/a", "/a", "", "a", Optional.empty()))
                .hasMessageContaining("JGI-PATH-4");
        assertThatThrownBy(() -> new RequestTarget("/", "/", "", "", Optional.empty()))
                .hasMessageContaining("JGI-PATH-4");
        assertThat(new RequestTarget("/shop", "/shop", "/shop", "", Optional.empty()).fullPath())
                .isEqualTo("/shop");
    }

    @Test
    void encodedSlashInThePathIsNotASegmentBoundary() {
        RequestTarget target = RequestTarget.of("/a%2Fb/c", "/a%2Fb/c", "/a%2Fb/c", Optional.empty());
        assertThat(target.mountedAt("/a")).isEmpty();
        assertThat(target.mountedAt("/a%2Fb").orElseThrow().path()).isEqualTo("/c");
    }
}
