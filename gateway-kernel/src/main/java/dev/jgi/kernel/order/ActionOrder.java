package dev.jgi.kernel.order;

import dev.jgi.api.Action;
import dev.jgi.api.Capability;
import dev.jgi.api.Request;
import java.util.Optional;
import java.util.Set;

/**
 * The order of the actions of one async exchange: which {@link Action} may come next, given those
 * that came before and the capabilities the server declared.
 *
 * <p>A server asks {@link #check} before it acts on an action. An action in order moves the
 * exchange on and the server sends it; an action out of order is a {@link Breach} whose
 * {@link Breach#duty()} says what the server does instead, and the exchange stays where it was
 * [JGI-ASYNC-5]. The rest of a server's duties stay its own: whether the client is still there, one
 * send at a time [JGI-STREAM-3], the checks of a head ({@code dev.jgi.kernel.response}).
 *
 * <p>Implementations are thread-safe; the order of concurrent checks is the order they take the
 * lock in.
 */
public sealed interface ActionOrder permits HttpActionOrder, WebSocketActionOrder {

    /**
     * The order for {@code request}: {@link WebSocketActionOrder} for a WebSocket handshake,
     * {@link HttpActionOrder} otherwise.
     *
     * @param declared the capabilities the server declared [JGI-CAP-1]
     */
    static ActionOrder of(Request request, Set<Capability> declared) {
        return request.kind() == Request.Kind.WEBSOCKET
                ? new WebSocketActionOrder(request)
                : new HttpActionOrder(declared);
    }

    /**
     * Checks {@code action} and, when it is in order, moves the exchange on: {@link #breach}, and
     * the step in one.
     *
     * @return the breach, when the action is out of order; the exchange has not moved then
     */
    Optional<Breach> check(Action action);

    /**
     * What {@code action} would break if it came now, without moving the exchange on: for a checker
     * that may still stop an action in order (a validator whose reporter throws on a bad head) and
     * then must not count it.
     */
    Optional<Breach> breach(Action action);

    /**
     * Whether the application's side is over: the response ended (after its trailers, when
     * announced), or the WebSocket handshake was denied or the connection closed.
     */
    boolean ended();

    /**
     * What the application left undone, if its {@code handle} stage completed normally now: a
     * breach of JGI-ASYNC-8 (or JGI-EXT-6 for missing trailers) with {@link Duty#FAIL}. An
     * application told that the client is gone may end without finishing; that is the server's to
     * tell.
     */
    Optional<Breach> unfinished();

    /**
     * The exchange is over on the server's side (it failed, the client left, the server answered
     * instead): every later action is out of order.
     */
    void abandon();
}
