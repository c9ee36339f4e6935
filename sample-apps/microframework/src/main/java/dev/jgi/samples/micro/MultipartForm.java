package dev.jgi.samples.micro;

import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;

/**
 * A {@code multipart/form-data} body read as a stream with Apache Commons FileUpload: text fields are
 * collected (within {@link FormLimits}) as they pass, and each file part is handed over as a stream, so
 * that an upload goes to storage without ever being held whole. Parts arrive in the order of the form,
 * so a field that must be known before a file (the CSRF token) comes before it. Confined to the
 * request's thread; read once.
 */
public final class MultipartForm {

    /** A file part, positioned at its first byte; read it before asking for the next part. */
    public record FilePart(String field, String fileName, InputStream content) {}

    private final FileItemInputIterator parts;
    private final FormLimits limits;
    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private int textBytes;
    private int count;
    private FilePart pending;

    private MultipartForm(FileItemInputIterator parts, FormLimits limits) {
        this.parts = parts;
        this.limits = limits;
    }

    static boolean isMultipart(Request request) {
        return request.header("content-type")
                .map(t -> t.toLowerCase(Locale.ROOT).startsWith("multipart/form-data"))
                .orElse(false);
    }

    /** @throws HttpError 400 for a body that is not well-formed multipart */
    static MultipartForm open(Request request, Exchange exchange, FormLimits limits) throws IOException {
        Upload upload = new Upload();
        try {
            return new MultipartForm(upload.getItemIterator(new Body(request, exchange)), limits);
        } catch (FileUploadException e) {
            throw HttpError.badRequest("malformed multipart body: " + e.getMessage());
        }
    }

    /**
     * Reads text fields up to the next file part and returns it; empty at the end of the body.
     *
     * @throws HttpError 400 for a malformed body or too many fields, 413 for text over the form limit
     */
    public Optional<FilePart> nextFile() throws IOException {
        if (pending != null) {
            FilePart file = pending;
            pending = null;
            return Optional.of(file);
        }
        return advance();
    }

    /**
     * Reads the text fields that come before the first file part, which stays next for
     * {@link #nextFile()}: what a middleware checks before a handler streams the files.
     */
    public Params fieldsBeforeFirstFile() throws IOException {
        if (pending == null && count == 0) {
            pending = advance().orElse(null);
        }
        return fields();
    }

    private Optional<FilePart> advance() throws IOException {
        try {
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (++count > limits.maxFields()) {
                    throw HttpError.badRequest("too many fields (the limit is " + limits.maxFields() + ")");
                }
                if (!part.isFormField()) {
                    return Optional.of(new FilePart(
                            part.getFieldName(), part.getName() == null ? "" : part.getName(), part.getInputStream()));
                }
                byte[] value = part.getInputStream().readNBytes(limits.maxFormBytes() - textBytes + 1);
                textBytes += value.length;
                if (textBytes > limits.maxFormBytes()) {
                    throw new HttpError(413, "form fields over " + limits.maxFormBytes() + " bytes");
                }
                fields.computeIfAbsent(part.getFieldName(), n -> new ArrayList<>())
                        .add(new String(value, StandardCharsets.UTF_8));
            }
            return Optional.empty();
        } catch (FileUploadException e) {
            throw HttpError.badRequest("malformed multipart body: " + e.getMessage());
        }
    }

    /** The text fields read so far. */
    public Params fields() {
        return new Params(fields);
    }

    /** Reads the rest of the body, skipping the files not read; then {@link #fields()} has every text field. */
    public Params finish() throws IOException {
        while (nextFile().isPresent()) {
            // each file part left unread is skipped by the iterator
        }
        return fields();
    }

    /** The upload parser over a JGI request; the server's body limit bounds the total. */
    private static final class Upload extends AbstractFileUpload<Body, DiskFileItem, DiskFileItemFactory> {
        Upload() {
            setMaxPartHeaderSize(8 * 1024);
        }

        @Override
        public FileItemInputIterator getItemIterator(Body body) throws FileUploadException, IOException {
            return super.getItemIterator((RequestContext) body);
        }

        @Override
        public Map<String, List<DiskFileItem>> parseParameterMap(Body body) {
            throw new UnsupportedOperationException("streamed, not parsed to disk");
        }

        @Override
        public List<DiskFileItem> parseRequest(Body body) {
            throw new UnsupportedOperationException("streamed, not parsed to disk");
        }
    }

    /** The request as FileUpload sees it. */
    private record Body(Request request, Exchange exchange) implements RequestContext {
        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLength() {
            return request.header("content-length").map(Long::parseLong).orElse(-1L);
        }

        @Override
        public String getContentType() {
            return request.header("content-type").orElse("");
        }

        @Override
        public InputStream getInputStream() {
            return exchange.body();
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }
}
