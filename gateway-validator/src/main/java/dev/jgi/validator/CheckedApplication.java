package dev.jgi.validator;

import dev.jgi.api.Application;
import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import dev.jgi.api.Response;

/** A sync application with the validator around it. */
final class CheckedApplication extends CheckedLifespan implements Application {

    private final Application app;

    CheckedApplication(Application app, Reporter reporter) {
        super(app, reporter);
        this.app = app;
    }

    @Override
    public Response handle(Request request, Exchange exchange) throws Exception {
        if (!RequestCheck.check(request, lifespan.info(), reporter)) {
            return app.handle(request, exchange);
        }
        lifespan.request(request);
        if (exchange == null) {
            reporter.report(Violation.byServer("JGI-APP-1", "handle was called with no exchange"));
            return app.handle(request, null);
        }
        once.check(exchange, reporter);
        CheckedExchange checked = new CheckedExchange(exchange, request, lifespan.info(), reporter);
        Response response = app.handle(request, checked);
        checked.handed();
        if (response == null) {
            reporter.report(Violation.byApplication("JGI-APP-3", "handle returned null"));
            return null;
        }
        if (checked.accepted()) {
            return response;
        }
        return ResponseCheck.check(request, response, checked, lifespan.info(), reporter);
    }
}
