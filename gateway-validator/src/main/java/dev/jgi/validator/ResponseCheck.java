package dev.jgi.validator;

import dev.jgi.api.Body;
import dev.jgi.api.Capability;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Checks a sync application's {@link Response} and hands the server one whose streamed body and
 * trailers report what happens to them.
 */
final class ResponseCheck {

    private ResponseCheck() {}

    static Response check(
            Request request,
            Response response,
            CheckedExchange exchange,
            Optional<ServerInfo> info,
            Reporter reporter) {
        OptionalLong declared = HeadCheck.check(response.status(), response.headers(), reporter);
        Body body = response.body();
        if (body == null) {
            reporter.report(Violation.byApplication("JGI-APP-3", "the response body is null"));
            return response;
        }
        Response checked = response.withBody(
                switch (body) {
                    case Body.Stream stream ->
                        new Body.Stream(new CheckedStream(
                                stream.input(), request.method(), response.status(), declared, exchange, reporter));
                    case Body.Writer writer ->
                        new CheckedWriter(writer, request.method(), response.status(), declared, exchange, reporter);
                    default -> {
                        if (declared.isPresent() || response.status() == 204 || response.status() == 304) {
                            knownLength(body)
                                    .ifPresent(length -> LengthCheck.known(
                                            request.method(), response.status(), declared, length, reporter));
                        }
                        yield body;
                    }
                });
        if (response.trailers() == null) {
            reporter.report(Violation.byApplication("JGI-APP-3", "the response's trailers are null, not empty"));
            return checked;
        }
        if (response.trailers().isEmpty()) {
            return checked;
        }
        if (info.isPresent() && !request.capabilities().contains(Capability.TRAILERS)) {
            reporter.report(
                    Violation.byApplication("JGI-CAP-3", "trailers on a request that lacks the TRAILERS capability"));
        }
        HeadCheck.checkAnnounced(response.headers(), reporter);
        return checked.withTrailers(trailers(response.trailers().get(), reporter));
    }

    /** [JGI-EXT-1]: the supplier runs once; [JGI-EXT-2]: its fields. */
    private static Supplier<Headers> trailers(Supplier<Headers> supplier, Reporter reporter) {
        AtomicInteger calls = new AtomicInteger();
        return () -> {
            if (calls.incrementAndGet() > 1) {
                reporter.report(Violation.byServer("JGI-EXT-1", "the trailer supplier was called twice"));
            }
            Headers trailers = supplier.get();
            HeadCheck.checkTrailers(trailers, reporter);
            return trailers;
        };
    }

    private static OptionalLong knownLength(Body body) {
        return switch (body) {
            case Body.Empty empty -> OptionalLong.of(0);
            case Body.Bytes bytes -> OptionalLong.of(bytes.length());
            case Body.Text text -> OptionalLong.of(encodedLength(text.text(), text.charset()));
            case Body.FileRegion file -> {
                if (file.length().isPresent()) {
                    yield file.length();
                }
                try {
                    yield OptionalLong.of(Math.max(0, Files.size(file.path()) - file.offset()));
                } catch (IOException unreadable) {
                    yield OptionalLong.empty();
                }
            }
            default -> OptionalLong.empty();
        };
    }

    private static long encodedLength(String text, Charset charset) {
        return text.getBytes(charset).length;
    }
}
