package dev.jgi.validator;

import dev.jgi.api.Action;
import dev.jgi.api.Capability;
import dev.jgi.api.Request;
import dev.jgi.api.ServerInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * The order of HTTP actions: hints, one start [JGI-ASYNC-3], body pieces up to the last
 * [JGI-ASYNC-4], trailers exactly when announced [JGI-EXT-1]; capabilities [JGI-CAP-3].
 */
final class HttpActionOrder implements ActionOrder {

    private static final Optional<String> REFUSE = Optional.of("JGI-ASYNC-5");
    private static final Optional<String> REFUSE_CAPABILITY = Optional.of("JGI-CAP-5");

    private enum State {
        NEW,
        STARTED,
        AWAITING_TRAILERS,
        ENDED
    }

    private final String method;
    private final Optional<ServerInfo> info;
    private final Reporter reporter;
    private State state = State.NEW;
    private boolean trailers;
    private BodyLength length;

    HttpActionOrder(Request request, Optional<ServerInfo> info, Reporter reporter) {
        this.method = request.method();
        this.info = info;
        this.reporter = reporter;
    }

    @Override
    public synchronized Optional<String> check(Action action) {
        return switch (action) {
            case Action.EarlyHints hints -> {
                if (!declares(Capability.EARLY_HINTS)) {
                    yield fault("JGI-CAP-3", "EarlyHints without the EARLY_HINTS capability", REFUSE_CAPABILITY);
                }
                yield state == State.NEW
                        ? Optional.empty()
                        : fault("JGI-EXT-5", "EarlyHints after the ResponseStart", Optional.empty());
            }
            case Action.ResponseStart start -> {
                if (state != State.NEW) {
                    yield fault("JGI-ASYNC-3", "a second ResponseStart", REFUSE);
                }
                if (start.trailers() && !declares(Capability.TRAILERS)) {
                    yield fault("JGI-CAP-3", "trailers announced without the TRAILERS capability", REFUSE_CAPABILITY);
                }
                length = new BodyLength(
                        method,
                        start.status(),
                        ResponseHead.check(start.status(), start.headers(), reporter),
                        reporter);
                trailers = start.trailers();
                state = State.STARTED;
                yield Optional.empty();
            }
            case Action.ResponseBody piece -> {
                Optional<String> refusal = body();
                if (refusal.isEmpty()) {
                    length.add(piece.data().remaining());
                    if (!piece.more()) {
                        end();
                    }
                }
                yield refusal;
            }
            case Action.ResponseFile file -> {
                if (!declares(Capability.FILE_SENDING)) {
                    yield fault("JGI-CAP-3", "ResponseFile without the FILE_SENDING capability", REFUSE_CAPABILITY);
                }
                Optional<String> refusal = body();
                if (refusal.isEmpty()) {
                    length.add(length(file));
                    if (!file.more()) {
                        end();
                    }
                }
                yield refusal;
            }
            case Action.ResponseTrailers sent -> {
                if (state != State.AWAITING_TRAILERS) {
                    yield fault(
                            "JGI-EXT-6",
                            !trailers
                                    ? "ResponseTrailers the ResponseStart did not announce"
                                    : state == State.ENDED
                                            ? "ResponseTrailers after the response ended"
                                            : "ResponseTrailers before the last body piece",
                            REFUSE);
                }
                ResponseHead.checkTrailers(sent.trailers(), reporter);
                state = State.ENDED;
                yield Optional.empty();
            }
            default -> fault("JGI-ASYNC-5", action.getClass().getSimpleName() + " on an HTTP exchange", REFUSE);
        };
    }

    private Optional<String> body() {
        return switch (state) {
            case NEW -> fault("JGI-ASYNC-3", "a body action before the ResponseStart", REFUSE);
            case AWAITING_TRAILERS, ENDED -> fault("JGI-ASYNC-4", "a body action after the last one", REFUSE);
            default -> Optional.empty();
        };
    }

    private void end() {
        length.end();
        state = trailers ? State.AWAITING_TRAILERS : State.ENDED;
    }

    @Override
    public synchronized void atEnd() {
        if (state != State.ENDED) {
            reporter.report(
                    state == State.AWAITING_TRAILERS
                            ? Violation.byApplication(
                                    "JGI-EXT-6", "the handle stage completed without the announced trailers")
                            : Violation.byApplication(
                                    "JGI-ASYNC-8", "the handle stage completed before the response ended"));
        }
    }

    private boolean declares(Capability capability) {
        return info.isEmpty() || info.get().supports(capability);
    }

    private Optional<String> fault(String clause, String message, Optional<String> serverMustRefuse) {
        reporter.report(Violation.byApplication(clause, message));
        return serverMustRefuse;
    }

    private static long length(Action.ResponseFile file) {
        if (file.length().isPresent()) {
            return file.length().getAsLong();
        }
        try {
            return Math.max(0, Files.size(file.path()) - file.offset());
        } catch (IOException unreadable) {
            return 0;
        }
    }
}
