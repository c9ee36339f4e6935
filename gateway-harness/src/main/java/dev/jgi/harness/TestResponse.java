package dev.jgi.harness;

import dev.jgi.api.Completion;
import dev.jgi.api.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What the client received from one exchange, and how the exchange ended.
 *
 * @param status      the final status; 500 when the application failed before commit [JGI-ERR-1],
 *                    0 when the client went away before any response was sent
 * @param headers     the header fields as the application gave them (the harness adds no framing
 *                    fields)
 * @param body        the body bytes the client received
 * @param trailers    the trailer fields sent, if any
 * @param earlyHints  the fields of each {@code 103 Early Hints} sent, in order
 * @param unsentBody  body bytes the application produced that framing kept from the client: the
 *                    body of a response to HEAD, or of a 204, 304 or 1xx [JGI-FRAME-4]
 * @param continued   whether the server sent {@code 100 Continue}: the request carried
 *                    {@code expect: 100-continue} and the application read its body [JGI-BODY-4]
 * @param completion  what the completion hooks received
 * @param aborted     whether the exchange was cut off after commit [JGI-ERR-2], so the client can
 *                    tell the body is incomplete
 * @param failure     the application's failure or the client disconnect that ended the exchange
 */
public record TestResponse(
        int status,
        Headers headers,
        ByteBuffer body,
        Optional<Headers> trailers,
        List<Headers> earlyHints,
        ByteBuffer unsentBody,
        boolean continued,
        Completion completion,
        boolean aborted,
        Optional<Throwable> failure) {

    public TestResponse {
        body = body.asReadOnlyBuffer();
        unsentBody = unsentBody.asReadOnlyBuffer();
        earlyHints = List.copyOf(earlyHints);
    }

    @Override
    public ByteBuffer body() {
        return body.duplicate();
    }

    @Override
    public ByteBuffer unsentBody() {
        return unsentBody.duplicate();
    }

    /** A copy of the body bytes. */
    public byte[] bodyBytes() {
        byte[] bytes = new byte[body.remaining()];
        body.duplicate().get(bytes);
        return bytes;
    }

    /** The body decoded as UTF-8. */
    public String text() {
        return StandardCharsets.UTF_8.decode(body.duplicate()).toString();
    }

    /** The bytes framing withheld, decoded as UTF-8. */
    public String unsentText() {
        return StandardCharsets.UTF_8.decode(unsentBody.duplicate()).toString();
    }

    /** The first value of a response header. */
    public Optional<String> header(String name) {
        return headers.first(name);
    }
}
