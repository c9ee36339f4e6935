package dev.jgi.tck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.tck.Clause;
import dev.jgi.tck.Echo;
import dev.jgi.tck.Probe;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.Variant;
import dev.jgi.tck.wire.RawResponse;

/** Section 3.1 of the spec: the mount prefix, path decoding and the query. */
class PathTests {

    @ServerTest(Variant.MOUNTED)
    @Clause("JGI-PATH-1")
    void mountPrefixNeverComesFromARequestHeader(Probe probe) {
        Echo echo = probe.echo(probe.exchange(probe.head(
                "GET",
                "/mnt/x",
                "X-Forwarded-Prefix: /evil",
                "X-Script-Name: /evil",
                "Script-Name: /evil",
                "X-Original-Uri: /evil/x")));
        assertThat(echo.mountPath()).isEqualTo("/mnt");
        assertThat(echo.path()).isEqualTo("/x");
    }

    @ServerTest(Variant.MOUNTED)
    @Clause("JGI-PATH-2")
    @Clause("JGI-PATH-3")
    @Clause("JGI-PATH-4")
    void pathIsSplitAtTheMountPrefix(Probe probe) {
        Echo inner = probe.echo(probe.exchange(probe.head("GET", "/mnt/a/b%20c")));
        assertThat(inner.mountPath()).isEqualTo("/mnt");
        assertThat(inner.path()).isEqualTo("/a/b c");
        Echo root = probe.echo(probe.exchange(probe.head("GET", "/mnt")));
        assertThat(root.mountPath()).isEqualTo("/mnt");
        assertThat(root.path()).as("path of the mount point itself").isEmpty();
        Echo slash = probe.echo(probe.exchange(probe.head("GET", "/mnt/")));
        assertThat(slash.path()).isEqualTo("/");
    }

    @ServerTest(Variant.SYNC)
    @Clause("JGI-PATH-2")
    void rootMountIsEmpty(Probe probe) {
        Echo echo = probe.echo(probe.exchange(probe.head("GET", "/")));
        assertThat(echo.mountPath()).isEmpty();
        assertThat(echo.path()).isEqualTo("/");
    }

    @ServerTest(Variant.MOUNTED)
    @Clause("JGI-PATH-5")
    void pathOutsideTheMountIsAnswered404WithoutTheApplication(Probe probe) {
        for (String target : new String[] {"/other", "/mntx", "/"}) {
            RawResponse response = probe.exchange(probe.head("GET", target));
            assertThat(response.status()).as(target).isEqualTo(404);
            assertThat(response.bodyText()).as(target).doesNotContain(probe.nonce());
        }
    }

    @ServerTest
    @Clause("JGI-PATH-6")
    void pathIsDecodedAsUtf8(Probe probe) {
        assertThat(probe.echo(probe.exchange(probe.head("GET", "/caf%C3%A9"))).path())
                .isEqualTo("/caf\u00e9");
    }

    @ServerTest
    @Clause("JGI-PATH-6")
    void malformedEscapesAndInvalidUtf8AreAnswered400(Probe probe) {
        for (String target : new String[] {"/a%G1", "/a%", "/a%C3%28"}) {
            RawResponse response = probe.exchange(probe.head("GET", target));
            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(response.bodyText()).as(target).doesNotContain(probe.nonce());
        }
    }

    @ServerTest
    @Clause("JGI-PATH-7")
    void encodedSlashAndPercentStayEncoded(Probe probe) {
        Echo slash = probe.echo(probe.exchange(probe.head("GET", "/a%2Fb")));
        assertThat(slash.path()).isEqualTo("/a%2Fb");
        Echo lower = probe.echo(probe.exchange(probe.head("GET", "/a%2fb")));
        assertThat(lower.path()).isEqualToIgnoringCase("/a%2Fb");
        Echo percent = probe.echo(probe.exchange(probe.head("GET", "/100%25")));
        assertThat(percent.path()).isEqualTo("/100%25");
    }

    @ServerTest
    @Clause("JGI-PATH-8")
    void dotSegmentsAreRemoved(Probe probe) {
        assertThat(probe.echo(probe.exchange(probe.head("GET", "/a/b/../c/./d")))
                        .path())
                .isEqualTo("/a/c/d");
        assertThat(probe.echo(probe.exchange(probe.head("GET", "/a/%2e%2E/c"))).path())
                .isEqualTo("/c");
    }

    @ServerTest
    @Clause("JGI-PATH-8")
    void pathClimbingAboveTheRootIsAnswered400(Probe probe) {
        RawResponse response = probe.exchange(probe.head("GET", "/../etc/passwd"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).doesNotContain(probe.nonce());
    }

    @ServerTest
    @Clause("JGI-PATH-9")
    void queryIsRawAndUndecoded(Probe probe) {
        assertThat(probe.echo(probe.exchange(probe.head("GET", "/q"))).query())
                .as("no ?")
                .isEmpty();
        assertThat(probe.echo(probe.exchange(probe.head("GET", "/q?a=%41+b&a=2&z")))
                        .query())
                .contains("a=%41+b&a=2&z");
    }

    @ServerTest
    @Clause("JGI-PATH-9")
    void questionMarkEndingTheTargetGivesAnEmptyQuery(Probe probe) {
        assertThat(probe.echo(probe.exchange(probe.head("GET", "/q?"))).query()).contains("");
    }

    @ServerTest
    @Clause("JGI-PATH-10")
    void absoluteFormTargetGivesPathQueryAndHost(Probe probe) {
        String authority = "127.0.0.1:" + probe.address().getPort();
        Echo echo = probe.echo(probe.exchange(probe.head("GET", "http://" + authority + "/abs/p?q=1")));
        assertThat(echo.path()).isEqualTo("/abs/p");
        assertThat(echo.query()).contains("q=1");
        assertThat(echo.header("host")).containsExactly(authority);
    }

    @ServerTest
    @Clause("JGI-PATH-10")
    void absoluteFormAuthorityWinsOverADifferentHostOr400(Probe probe) {
        RawResponse response = probe.exchange(probe.head("GET", "http://example.test/abs/p?q=1"));
        if (response.status() != 400) {
            Echo echo = probe.echo(response);
            assertThat(echo.path()).isEqualTo("/abs/p");
            assertThat(echo.header("host")).containsExactly("example.test");
        }
    }
}
