package dev.jgi.validator;

import dev.jgi.api.Action;
import dev.jgi.api.Capability;
import dev.jgi.api.Request;
import dev.jgi.api.ServerInfo;
import dev.jgi.kernel.order.ActionOrder;
import dev.jgi.kernel.order.Breach;
import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.Optional;

/**
 * The application's side of the async order, for one exchange (HTTP or WebSocket), as the kernel's
 * {@link ActionOrder} states it [JGI-ASYNC-3] [JGI-ASYNC-4] [JGI-EXT-6] [JGI-CAP-3] [JGI-WS-3]
 * [JGI-WS-8] [JGI-WS-12] [JGI-WS-13]; and what the actions carry: heads, body lengths, trailers.
 * A capability counts as held when the request holds it [JGI-CAP-6]; without the server's
 * {@link ServerInfo} (a request built by a test, not a server) every capability does.
 */
final class ActionCheck {

    private final ActionOrder order;
    private final String method;
    private final Reporter reporter;
    private LengthCheck length;

    ActionCheck(Request request, Optional<ServerInfo> info, Reporter reporter) {
        this.order =
                ActionOrder.of(request, info.isPresent() ? request.capabilities() : EnumSet.allOf(Capability.class));
        this.method = request.method();
        this.reporter = reporter;
    }

    /**
     * Reports what {@code action} breaks and moves the exchange on.
     *
     * @return the clause that obliges the server to refuse the action, if it must
     */
    synchronized Optional<String> check(Action action) {
        Optional<Breach> breach = order.breach(action);
        if (breach.isPresent()) {
            reporter.report(
                    Violation.byApplication(breach.get().clause(), breach.get().reason()));
            return breach.get().mustRefuse() ? Optional.of(breach.get().duty().clause()) : Optional.empty();
        }
        switch (action) {
            case Action.ResponseStart start -> {
                length = new LengthCheck(
                        method, start.status(), HeadCheck.check(start.status(), start.headers(), reporter), reporter);
                if (start.trailers()) {
                    HeadCheck.checkAnnounced(start.headers(), reporter);
                }
            }
            case Action.ResponseBody piece -> body(piece.data().remaining(), piece.more());
            case Action.ResponseFile file -> body(length(file), file.more());
            case Action.ResponseTrailers sent -> HeadCheck.checkTrailers(sent.trailers(), reporter);
            case Action.WebSocketDeny deny -> HeadCheck.check(deny.status(), deny.headers(), reporter);
            default -> {}
        }
        order.check(action);
        return Optional.empty();
    }

    /** The application's stage completed normally: the exchange must be answered [JGI-ERR-6]. */
    synchronized void atEnd() {
        order.unfinished()
                .ifPresent(breach -> reporter.report(Violation.byApplication(breach.clause(), breach.reason())));
    }

    private void body(long bytes, boolean more) {
        length.add(bytes);
        if (!more) {
            length.end();
        }
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
