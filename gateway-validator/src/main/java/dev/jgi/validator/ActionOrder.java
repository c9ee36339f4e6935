package dev.jgi.validator;

import dev.jgi.api.Action;
import java.util.Optional;

/** The application's side of the async order, for one exchange: HTTP or WebSocket. */
sealed interface ActionOrder permits HttpActionOrder, WebSocketActionOrder {

    /**
     * Reports what {@code action} breaks and moves the exchange on.
     *
     * @return the clause that obliges the server to refuse the action, if it must
     */
    Optional<String> check(Action action);

    /** The application's stage completed normally: the exchange must be answered [JGI-ERR-6]. */
    void atEnd();
}
