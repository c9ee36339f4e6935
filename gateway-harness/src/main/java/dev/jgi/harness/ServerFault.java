package dev.jgi.harness;

/**
 * A way for the harness to break the server's side of the contract on purpose, so that
 * validators and defensive middleware can be tested against a misbehaving server.
 * {@link TestServer.Options#faults()} is empty by default.
 */
public enum ServerFault {
    /** An async application receives one more body piece after the one marked last [JGI-ASYNC-2]. */
    EVENT_AFTER_LAST_BODY,
    /** A sync application's body stream returns bytes after it returned end-of-stream [JGI-BODY-1]. */
    DATA_AFTER_END_OF_BODY,
    /** Completion hooks run twice [JGI-DONE-1]. */
    HOOKS_RUN_TWICE,
    /** Completion hooks run in registration order instead of its reverse [JGI-DONE-2]. */
    HOOKS_IN_REGISTRATION_ORDER,
    /** Request header names reach the application capitalised instead of lower case [JGI-HDR-1]. */
    CAPITALISED_HEADER_NAMES,
    /** Actions out of order complete normally instead of failing [JGI-ASYNC-5]. */
    ACCEPTS_ACTIONS_OUT_OF_ORDER,
    /** Requests are served without calling {@code start} first [JGI-LIFE-1]. */
    SERVES_BEFORE_START,
    /** {@code Exchange.limitBody} is ignored: the body reads to its end [JGI-LIM-7]. */
    IGNORES_BODY_LIMIT
}
