package dev.jgi.kernel.response;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Counts the body bytes an application produces against the {@code content-length} it set.
 *
 * <p><b>Rules</b>
 * <ul>
 *   <li>[JGI-FRAME-5] The body MUST have the length the {@code content-length} gives. A body that
 *       runs past it is a breach as soon as it does, since a server stops there; a shorter one at
 *       its end. A server answers 500 if nothing was committed and aborts otherwise [JGI-FRAME-6].</li>
 *   <li>A response that carries no body bytes [JGI-FRAME-4] (HEAD, 204, 304) is exempt: its
 *       {@code content-length} may describe the body a GET would get [JGI-FRAME-10], or the
 *       selected representation of a 304, and the body given is not sent.</li>
 *   <li>Without a {@code content-length} any length is fine.</li>
 * </ul>
 * At most one breach is reported per body. Not thread-safe: the writer of the body owns it.
 */
public final class BodyLength {

    private final OptionalLong declared;
    private long produced;
    private boolean reported;

    /**
     * @param method   the request method
     * @param status   the response status
     * @param declared the {@code content-length} the application set, as
     *                 {@link ResponseHead#check} returns it
     */
    public BodyLength(String method, int status, OptionalLong declared) {
        this.declared = ResponseHead.bodiless(method, status) ? OptionalLong.empty() : declared;
    }

    /**
     * Whether a body of known length (bytes, text, a file region) matches, before any of it is sent.
     *
     * @return the breach, if it does not
     */
    public static Optional<ResponseBreach> check(String method, int status, OptionalLong declared, long length) {
        BodyLength body = new BodyLength(method, status, declared);
        Optional<ResponseBreach> past = body.add(length);
        return past.isPresent() ? past : body.end();
    }

    /**
     * Counts {@code bytes} more.
     *
     * @return the breach, the first time the body runs past its {@code content-length}
     */
    public Optional<ResponseBreach> add(long bytes) {
        produced += bytes;
        if (!reported && declared.isPresent() && produced > declared.getAsLong()) {
            reported = true;
            return Optional.of(breach("the body runs past its content-length of " + declared.getAsLong()));
        }
        return Optional.empty();
    }

    /**
     * The body ended.
     *
     * @return the breach, when its length differs from the {@code content-length} and none was
     *     reported yet
     */
    public Optional<ResponseBreach> end() {
        if (!reported && declared.isPresent() && produced != declared.getAsLong()) {
            reported = true;
            return Optional.of(
                    breach("the body has " + produced + " bytes, its content-length says " + declared.getAsLong()));
        }
        return Optional.empty();
    }

    /** The bytes counted so far. */
    public long produced() {
        return produced;
    }

    private static ResponseBreach breach(String reason) {
        return new ResponseBreach("JGI-FRAME-5", "JGI-FRAME-6", reason);
    }
}
