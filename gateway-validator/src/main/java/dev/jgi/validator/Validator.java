package dev.jgi.validator;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import java.util.Objects;

/**
 * Wraps an application so that both sides of the contract are checked while it runs: what the
 * server hands the application (request, events, body stream, hooks, lifespan) and what the
 * application hands back (response, actions and their order, use of capabilities). Each breach is
 * a {@link Violation} naming its clause and the party at fault, given to a {@link Reporter}.
 * The JGI analogue of {@code wsgiref.validate} and {@code Rack::Lint}; it depends on gateway-api
 * alone, so it may run in production with {@link Reporter#logging()}.
 *
 * {@snippet class="dev.jgi.validator.JavadocExamplesTest" region="collect"}
 *
 * <p>In production, log and go on:
 * {@snippet class="dev.jgi.validator.JavadocExamplesTest" region="production"}
 *
 * <p>Wrap the application the server runs, outside any middleware, to check the server; wrap the
 * inner application, inside a middleware, to check the middleware as its server. {@code wrap} takes a
 * sync application and {@code wrapAsync} an async one, so that a lambda needs no cast.
 */
public final class Validator {

    private Validator() {}

    /** The application checked, violations thrown ({@link Reporter#throwing()}). */
    public static Application wrap(Application app) {
        return wrap(app, Reporter.throwing());
    }

    public static Application wrap(Application app, Reporter reporter) {
        return new CheckedApplication(Objects.requireNonNull(app, "app"), Objects.requireNonNull(reporter, "reporter"));
    }

    /** The application checked, violations thrown ({@link Reporter#throwing()}). */
    public static AsyncApplication wrapAsync(AsyncApplication app) {
        return wrapAsync(app, Reporter.throwing());
    }

    public static AsyncApplication wrapAsync(AsyncApplication app, Reporter reporter) {
        return new CheckedAsyncApplication(
                Objects.requireNonNull(app, "app"), Objects.requireNonNull(reporter, "reporter"));
    }
}
