package dev.jgi.samples.micro;

import dev.jgi.api.Application;
import dev.jgi.api.Exchange;
import dev.jgi.api.Middleware;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions in a signed cookie (HMAC-SHA256 with the app's {@code SECRET_KEY}), as Flask and
 * Django's signed-cookie backend keep them: no server storage, so any process of the app can serve
 * any request. A cookie with a bad signature or past its age is ignored, giving an empty session.
 * A logout clears the cookie but cannot revoke a copy stolen earlier; keep the max age short where
 * that matters.
 */
public final class Sessions implements Middleware {

    /** The request attribute key of the {@link Session}. */
    public static final String ATTRIBUTE_KEY = "dev.jgi.samples.micro.session";

    private final SessionCodec codec;
    private final String cookieName;
    private final Duration maxAge;
    private final Clock clock;

    /** Sessions in the cookie {@code session} for 14 days, signed with {@code secretKey} (at least 16 bytes). */
    public Sessions(String secretKey) {
        this(secretKey, "session", Duration.ofDays(14), Clock.systemUTC());
    }

    public Sessions(String secretKey, String cookieName, Duration maxAge, Clock clock) {
        this.codec = new SessionCodec(secretKey.getBytes(StandardCharsets.UTF_8), maxAge);
        this.cookieName = cookieName;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public Response handle(Request request, Exchange exchange, Application next) throws Exception {
        Map<String, String> loaded = Optional.ofNullable(
                        Cookies.parse(request.headers()).get(cookieName))
                .flatMap(cookie -> codec.decode(cookie, clock.instant()))
                .orElse(Map.of());
        Session session = new Session(loaded);
        Response response = next.handle(request.withAttribute(ATTRIBUTE_KEY, session), exchange);
        if (!session.isModified()) {
            return response;
        }
        String path =
                request.target().mountPath().isEmpty() ? "/" : request.target().mountPath();
        Map<String, String> values = session.snapshot();
        SetCookie cookie = values.isEmpty()
                ? SetCookie.deletion(cookieName, path)
                : SetCookie.of(cookieName, codec.encode(values, clock.instant()))
                        .withPath(path)
                        .withMaxAge(maxAge);
        // Secure exactly when the client reached us over HTTPS (directly or via a trusted proxy [JGI-PROXY-1]).
        return cookie.withSecure(request.scheme().equals("https"))
                .addTo(response)
                .withHeader("cache-control", "private, no-store");
    }
}
