package dev.jgi.servlet.internal;

import dev.jgi.api.Application;
import dev.jgi.api.Body;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.kernel.body.LimitedBody;
import dev.jgi.kernel.response.BodyLength;
import dev.jgi.kernel.response.InvalidResponseException;
import dev.jgi.kernel.response.ResponseBreach;
import dev.jgi.kernel.response.ResponseHead;
import dev.jgi.kernel.response.TrailerFraming;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One request to a sync application, on the container thread that called the servlet: the
 * application blocks there, so the container should run servlets on virtual threads
 * [JGI-APP-2] (see docs/servlet-bridge.md).
 */
public final class SyncCall {

    private static final System.Logger LOG = System.getLogger("dev.jgi.servlet");

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Completions hooks = new Completions();
    private final BodyInput input;
    private final SyncExchange exchange;
    private final boolean namesCoding;
    private BodyOutput output;

    public SyncCall(HttpServletRequest request, HttpServletResponse response, long bodyLimit, boolean namesCoding) {
        this.namesCoding = namesCoding;
        this.request = request;
        this.response = response;
        this.input = new BodyInput(request, bodyLimit);
        long announced = request.getContentLengthLong();
        this.exchange =
                new SyncExchange(input, announced < 0 ? OptionalLong.empty() : OptionalLong.of(announced), hooks);
    }

    /**
     * Calls the application and sends its response.
     *
     * @throws ServletException after the response was committed, so that the container aborts the
     *     exchange instead of ending it cleanly [JGI-ERR-2]
     */
    public void serve(Application app, Request head) throws ServletException, IOException {
        Response answer = null;
        boolean bodyTaken = false;
        try {
            answer = app.handle(head, exchange);
            if (answer == null) {
                throw new IllegalStateException("[JGI-APP-3] the application returned null");
            }
            if (input.refusal() != 0) {
                // The body's failure decides the status even when the application answered [JGI-LIM-3] [JGI-BODY-9].
                ResponseBodies.release(answer.body());
                refuse(input.refusal(), Optional.empty());
                return;
            }
            bodyTaken = true;
            send(head, answer);
        } catch (Exception | Error failure) {
            if (answer != null && !bodyTaken) {
                ResponseBodies.release(answer.body());
            }
            fail(failure);
            return;
        }
        hooks.run(response.getStatus(), output.count(), Optional.empty());
    }

    private void send(Request head, Response answer) throws Exception {
        OptionalLong declared = ResponseHead.check(answer.status(), answer.headers());
        Body body = answer.body();
        OptionalLong known = ResponseBodies.length(body);
        if (known.isPresent()) {
            Optional<ResponseBreach> mismatch =
                    BodyLength.check(head.method(), answer.status(), declared, known.getAsLong());
            if (mismatch.isPresent()) {
                throw new InvalidResponseException(mismatch.get());
            }
        }
        boolean noBody = ResponseHead.bodiless(head.method(), answer.status());
        ResponseHeads.apply(head, answer.status(), answer.headers(), response);
        boolean trailers = answer.trailers().isPresent()
                && TrailerFraming.travel(head.version(), head.method(), answer.status())
                && Trailers.offer(response, answer.trailers().get());
        long length = known.orElse(declared.orElse(-1));
        if (length >= 0 && answer.status() != 204 && answer.status() != 304 && !trailers) {
            // With trailers the body must travel chunked, so its length goes unannounced [JGI-EXT-1].
            response.setContentLengthLong(length);
        }
        if ((length < 0 || trailers) && !noBody) {
            Framing.chunkedToHttp11(head, response, namesCoding);
        }
        // A body of known length is held to it like a declared one: the container was told it.
        OptionalLong expected = declared.isPresent() || trailers ? declared : known;
        output = new BodyOutput(response, new BodyLength(head.method(), answer.status(), expected));
        exchange.writingTo(output);
        if (noBody) {
            ResponseBodies.release(body);
        } else {
            ResponseBodies.copy(body, length, output);
        }
        output.close();
    }

    /**
     * Answers for a request body that failed. Tomcat commits its own 400 when the body's framing
     * is broken; then the bridge leaves that answer alone instead of aborting it.
     */
    private void refuse(int status, Optional<Throwable> failure) {
        if (!response.isCommitted()) {
            answered(status, failure);
            return;
        }
        hooks.run(response.getStatus(), 0, failure);
    }

    /**
     * Sends the error answer itself; a complete one is no abort, so the completion carries no error
     * [JGI-DONE-3]. Only an answer the client did not get keeps the failure.
     */
    private void answered(int status, Optional<Throwable> failure) {
        long sent = Errors.send(response, status);
        hooks.run(status, Math.max(0, sent), sent >= 0 ? Optional.empty() : failure);
    }

    private void fail(Throwable failure) throws ServletException {
        long sent = output == null ? 0 : output.count();
        boolean gone = failure instanceof ClientDisconnectedException || exchange.isDisconnected();
        if (!gone) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    () -> "[JGI-ERR-3] request " + request.getRequestId() + " " + request.getMethod() + " "
                            + request.getRequestURI() + " failed",
                    failure);
        }
        if (input.refusal() != 0) {
            refuse(input.refusal(), Optional.of(failure));
            return;
        }
        if (LimitedBody.causedByLimit(failure) && !response.isCommitted()) {
            refuse(LimitedBody.TOO_LARGE, Optional.of(failure));
            return;
        }
        if (!response.isCommitted()) {
            answered(500, Optional.of(failure));
            return;
        }
        hooks.run(response.getStatus(), sent, Optional.of(failure));
        throw Errors.abort(failure);
    }
}
