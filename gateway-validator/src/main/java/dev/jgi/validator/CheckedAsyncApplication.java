package dev.jgi.validator;

import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Channel;
import dev.jgi.api.Request;
import java.util.concurrent.CompletionStage;

/** An async application with the validator around it. */
final class CheckedAsyncApplication extends CheckedLifespan implements AsyncApplication {

    private final AsyncApplication app;

    CheckedAsyncApplication(AsyncApplication app, Reporter reporter) {
        super(app, reporter);
        this.app = app;
    }

    @Override
    public CompletionStage<Void> handle(Request request, Channel channel) {
        if (!RequestCheck.check(request, lifespan.info(), reporter)) {
            return app.handle(request, channel);
        }
        lifespan.request(request);
        if (channel == null) {
            reporter.report(Violation.byServer("JGI-APP-1", "handle was called with no channel"));
            return app.handle(request, null);
        }
        once.check(channel, reporter);
        CheckedChannel checked = new CheckedChannel(channel, request, lifespan.info(), reporter);
        CompletionStage<Void> stage = app.handle(request, checked);
        if (stage == null) {
            reporter.report(Violation.byApplication("JGI-APP-5", "handle returned null"));
            return null;
        }
        return stage.whenComplete((ignored, failure) -> checked.ended(failure));
    }
}
