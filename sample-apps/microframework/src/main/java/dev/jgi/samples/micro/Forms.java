package dev.jgi.samples.micro;

import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a form body once per request. The first reader (CSRF middleware or a handler) parses it;
 * middleware hands the result inward under {@link #ATTRIBUTE_KEY}, because the body stream can be read
 * only once.
 */
public final class Forms {

    /** The request attribute key of an already parsed form. */
    public static final String ATTRIBUTE_KEY = "dev.jgi.samples.micro.form";

    /** The request attribute key of a multipart form whose reading has begun. */
    public static final String MULTIPART_KEY = "dev.jgi.samples.micro.multipart";

    private Forms() {}

    /**
     * The form of this request: the one a middleware parsed, or the body read now.
     *
     * @throws HttpError 415 for a body that is neither url-encoded nor multipart (whose text fields
     *     this reads, skipping its files), 413 over the byte limit, 400 for a malformed one
     */
    public static Params read(Request request, Exchange exchange, FormLimits limits) throws IOException {
        if (request.attributes().get(ATTRIBUTE_KEY) instanceof Params parsed) {
            return parsed;
        }
        if (request.attributes().get(MULTIPART_KEY) instanceof MultipartForm multipart) {
            return multipart.finish();
        }
        String type = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        boolean hasBody =
                request.header("content-length").filter(l -> !l.equals("0")).isPresent()
                        || request.header("transfer-encoding").isPresent();
        if (!hasBody) {
            return Params.EMPTY;
        }
        if (MultipartForm.isMultipart(request)) {
            return multipart(request, exchange, limits).finish();
        }
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            throw new HttpError(415, "expected an application/x-www-form-urlencoded body");
        }
        return Params.parse(readBounded(exchange.body(), limits.maxFormBytes()), limits.maxFields());
    }

    /** The multipart form of this request: the one a middleware began reading, or the body opened now. */
    public static MultipartForm multipart(Request request, Exchange exchange, FormLimits limits) throws IOException {
        if (request.attributes().get(MULTIPART_KEY) instanceof MultipartForm started) {
            return started;
        }
        if (!MultipartForm.isMultipart(request)) {
            throw new HttpError(415, "expected a multipart/form-data body");
        }
        return MultipartForm.open(request, exchange, limits);
    }

    private static String readBounded(InputStream body, int maxBytes) throws IOException {
        byte[] bytes = body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new HttpError(413, "form body over " + maxBytes + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
