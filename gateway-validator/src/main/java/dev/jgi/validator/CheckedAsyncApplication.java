package dev.jgi.validator;

import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Channel;
import dev.jgi.api.Request;
import dev.jgi.api.ServerInfo;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** An async application with the validator around it. */
final class CheckedAsyncApplication implements AsyncApplication {

    private final AsyncApplication app;
    private final Reporter reporter;
    private final LifespanCheck lifespan;
    private final OnceCheck once = new OnceCheck();

    CheckedAsyncApplication(AsyncApplication app, Reporter reporter) {
        this.app = app;
        this.reporter = reporter;
        this.lifespan = new LifespanCheck(app, reporter);
    }

    @Override
    public Map<String, Object> start(ServerInfo server) throws Exception {
        return lifespan.start(server);
    }

    @Override
    public void stop() throws Exception {
        lifespan.stop();
    }

    @Override
    public CompletionStage<Void> handle(Request request, Channel channel) {
        if (!RequestCheck.check(request, true, lifespan.info(), reporter)) {
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
