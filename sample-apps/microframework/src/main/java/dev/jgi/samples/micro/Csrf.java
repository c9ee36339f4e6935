package dev.jgi.samples.micro;

import dev.jgi.api.Application;
import dev.jgi.api.Exchange;
import dev.jgi.api.Middleware;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * CSRF protection with the synchronizer-token pattern: a random token lives in the session, every
 * form carries it in the field {@value #FIELD} (or a script sends it as header {@value #HEADER}),
 * and an unsafe request without the matching token gets a 403. Install it inside {@link Sessions}.
 */
public final class Csrf implements Middleware {

    public static final String FIELD = "csrf_token";
    public static final String HEADER = "x-csrf-token";
    static final String SESSION_KEY = "_csrf";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FormLimits limits;

    public Csrf() {
        this(FormLimits.DEFAULT);
    }

    public Csrf(FormLimits limits) {
        this.limits = limits;
    }

    @Override
    public Response handle(Request request, Exchange exchange, Application next) throws Exception {
        if (SAFE_METHODS.contains(request.method())) {
            return next.handle(request, exchange);
        }
        Session session = Context.sessionOf(request);
        String expected = session.get(SESSION_KEY).orElse("");
        Request inward = request;
        String submitted = request.header(HEADER).orElse(null);
        if (submitted == null && MultipartForm.isMultipart(request)) {
            // Only the fields before the first file are read: the token comes first in the form, and
            // the files stream on to the handler once it is checked.
            MultipartForm multipart = MultipartForm.open(request, exchange, limits);
            submitted = multipart.fieldsBeforeFirstFile().first(FIELD).orElse("");
            inward = request.withAttribute(Forms.MULTIPART_KEY, multipart);
        } else if (submitted == null) {
            Params form = Forms.read(request, exchange, limits);
            inward = request.withAttribute(Forms.ATTRIBUTE_KEY, form);
            submitted = form.first(FIELD).orElse("");
        }
        if (expected.isEmpty()
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw HttpError.forbidden("CSRF token missing or incorrect; reload the form and try again");
        }
        return next.handle(inward, exchange);
    }

    /** Replaces the session's token, as after a login, so that a token seen before is worthless. */
    public static void rotate(Session session) {
        session.remove(SESSION_KEY);
    }

    /** The session's token, created on first use; put it in every form. */
    public static String token(Session session) {
        return session.get(SESSION_KEY).orElseGet(() -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.put(SESSION_KEY, token);
            return token;
        });
    }
}
