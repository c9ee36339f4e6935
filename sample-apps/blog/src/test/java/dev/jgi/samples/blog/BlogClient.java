package dev.jgi.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A visitor with a cookie jar, as a browser without JavaScript would use the blog. */
final class BlogClient {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    private final Function<String, URI> uri;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    BlogClient(Function<String, URI> uri) {
        this.uri = uri;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri.apply(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form, with the CSRF token of the page at {@code formPage} unless the fields name one. */
    HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        if (!fields.containsKey("csrf_token")) {
            all.put("csrf_token", csrfToken(formPage));
        }
        all.putAll(fields);
        return post(action, all);
    }

    HttpResponse<String> post(String action, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(uri.apply(action))
                        .header("content-type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String csrfToken(String page) throws Exception {
        Matcher m = TOKEN.matcher(get(page).body());
        assertThat(m.find()).as("a CSRF token on " + page).isTrue();
        return m.group(1);
    }

    HttpResponse<String> logIn(String username, String password) throws Exception {
        return submit("/admin/login", "/admin/login", Map.of("username", username, "password", password));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
