package dev.jgi.samples.micro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.micro.example.Guestbook;
import dev.jgi.samples.testing.EmbeddedServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sessions in signed cookies and CSRF tokens, through the guestbook demo on the real server. */
class GuestbookTest {

    private static final Pattern TOKEN = Pattern.compile("name=csrf_token value=\"([^\"]+)\"");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedServer.start(new Guestbook("test-secret-key-0123456789"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void formWithTheSessionTokenIsAccepted() throws Exception {
        Visit visit = visit();
        HttpResponse<String> posted = post(visit.cookie, "csrf_token=" + visit.token + "&name=Ada&message=Hi");
        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.headers().firstValue("location").orElseThrow();
        assertThat(get(location, "").body()).contains("<b>Ada</b>: Hi");
    }

    @Test
    void sessionRemembersTheNameAcrossRequests() throws Exception {
        Visit visit = visit();
        HttpResponse<String> posted = post(visit.cookie, "csrf_token=" + visit.token + "&name=Grace&message=Hello");
        String cookie = sessionCookie(posted);
        assertThat(get("/", cookie).body()).contains("name=name value=\"Grace\"");
    }

    @Test
    void postWithoutTokenIsForbidden() throws Exception {
        Visit visit = visit();
        HttpResponse<String> posted = post(visit.cookie, "name=Eve&message=forged");
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("CSRF");
    }

    @Test
    void tokenOfAnotherSessionIsForbidden() throws Exception {
        Visit mine = visit();
        Visit theirs = visit();
        assertThat(post(mine.cookie, "csrf_token=" + theirs.token + "&name=Eve&message=x")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void tamperedSessionCookieIsIgnored() throws Exception {
        Visit visit = visit();
        String tampered =
                visit.cookie.substring(0, visit.cookie.length() - 2) + (visit.cookie.endsWith("A") ? "BB" : "AA");
        assertThat(post(tampered, "csrf_token=" + visit.token + "&name=Eve&message=x")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() throws Exception {
        String header = get("/", "").headers().firstValue("set-cookie").orElseThrow();
        assertThat(header).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
    }

    @Test
    void userInputIsEscaped() throws Exception {
        Visit visit = visit();
        HttpResponse<String> posted = post(visit.cookie, "csrf_token=" + visit.token + "&name=%3Cscript%3E&message=x");
        String page = get(posted.headers().firstValue("location").orElseThrow() + "?note=%3Cb%3E", "")
                .body();
        assertThat(page).contains("&lt;script&gt;").contains("&lt;b&gt;").doesNotContain("<script>");
    }

    @Test
    void plainAppMountedBelowTheRouterSeesItsMount() throws Exception {
        assertThat(get("/echo/a/b", "").body()).isEqualTo("mount=/echo path=/a/b\n");
    }

    private record Visit(String cookie, String token) {}

    private static Visit visit() throws Exception {
        HttpResponse<String> page = get("/", "");
        Matcher m = TOKEN.matcher(page.body());
        assertThat(m.find()).as("the form carries a CSRF token").isTrue();
        return new Visit(sessionCookie(page), m.group(1));
    }

    private static String sessionCookie(HttpResponse<String> response) {
        String header = response.headers().firstValue("set-cookie").orElseThrow();
        return header.substring(0, header.indexOf(';'));
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path));
        if (!cookie.isEmpty()) {
            request.header("cookie", cookie);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String cookie, String form) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(server.uri("/entries"))
                        .header("cookie", cookie)
                        .header("content-type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
