package dev.jgi.tck.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A deliberately strict HTTP/1.1 response parser (RFC 9112): CRLF line ends only, no obs-fold,
 * token field names with the colon attached, one unambiguous framing. Anything else is a
 * {@link ProtocolViolation}, because a lenient parser would hide the faults the TCK looks for.
 */
final class ResponseReader {

    private static final int MAX_LINE = 16 * 1024;

    private final RawConnection connection;
    private final String method;

    ResponseReader(RawConnection connection, String method) {
        this.connection = connection;
        this.method = method;
    }

    RawResponse readFinal() {
        List<RawResponse> interim = new ArrayList<>();
        while (true) {
            RawResponse next = readNext();
            if (next.status() >= 200 || next.status() == 101) {
                return new RawResponse(
                        next.version(),
                        next.status(),
                        next.reason(),
                        next.headers(),
                        next.framing(),
                        next.body(),
                        next.end(),
                        next.trailers(),
                        interim);
            }
            interim.add(next);
        }
    }

    RawResponse readNext() {
        String statusLine = readLine(true);
        if (!statusLine.matches("HTTP/\\d\\.\\d \\d{3}( .*)?")) {
            throw new ProtocolViolation("status line is not HTTP-version SP 3DIGIT SP reason: \"" + statusLine + '"');
        }
        String version = statusLine.substring(0, 8);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
        List<RawResponse.Field> headers = readFields();
        if (status < 200) {
            return new RawResponse(
                    version,
                    status,
                    reason,
                    headers,
                    RawResponse.Framing.NONE,
                    new byte[0],
                    RawResponse.End.COMPLETE,
                    List.of(),
                    List.of());
        }
        RawResponse.Framing framing = framing(status, headers);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<RawResponse.Field> trailers = new ArrayList<>();
        RawResponse.End end = switch (framing) {
            case NONE -> RawResponse.End.COMPLETE;
            case CONTENT_LENGTH ->
                readFixed(Long.parseLong(headerValue(headers, "content-length").orElseThrow()), body);
            case CHUNKED -> readChunked(body, trailers);
            case CLOSE_DELIMITED -> readToClose(body);
            case FRAMES -> throw new IllegalStateException("HTTP/1.1 has no HTTP/2 framing");
        };
        return new RawResponse(version, status, reason, headers, framing, body.toByteArray(), end, trailers, List.of());
    }

    private RawResponse.Framing framing(int status, List<RawResponse.Field> headers) {
        List<String> lengths = values(headers, "content-length");
        List<String> codings = values(headers, "transfer-encoding");
        if (!lengths.isEmpty() && !codings.isEmpty()) {
            throw new ProtocolViolation("both Content-Length and Transfer-Encoding (RFC 9112 §6.1)");
        }
        for (String length : lengths) {
            if (!length.matches("\\d{1,18}") || !length.equals(lengths.getFirst())) {
                throw new ProtocolViolation("invalid or conflicting Content-Length: " + lengths);
            }
        }
        if (method.equals("HEAD") || status == 204 || status == 304) {
            return RawResponse.Framing.NONE;
        }
        if (!codings.isEmpty()) {
            String last = codings.getLast().toLowerCase(Locale.ROOT);
            return last.endsWith("chunked") ? RawResponse.Framing.CHUNKED : RawResponse.Framing.CLOSE_DELIMITED;
        }
        return lengths.isEmpty() ? RawResponse.Framing.CLOSE_DELIMITED : RawResponse.Framing.CONTENT_LENGTH;
    }

    private RawResponse.End readFixed(long length, ByteArrayOutputStream body) {
        for (long i = 0; i < length; i++) {
            int b = connection.read();
            if (b < 0) {
                return stopped();
            }
            body.write(b);
        }
        return RawResponse.End.COMPLETE;
    }

    private RawResponse.End readChunked(ByteArrayOutputStream body, List<RawResponse.Field> trailers) {
        while (true) {
            String sizeLine = readLine(false);
            if (sizeLine == null) {
                return stopped();
            }
            String size = sizeLine.contains(";") ? sizeLine.substring(0, sizeLine.indexOf(';')) : sizeLine;
            if (!size.matches("[0-9A-Fa-f]{1,15}")) {
                throw new ProtocolViolation("invalid chunk size line: \"" + sizeLine + '"');
            }
            long n = Long.parseLong(size, 16);
            if (n == 0) {
                Optional<List<RawResponse.Field>> fields = tryReadFields();
                if (fields.isEmpty()) {
                    return stopped();
                }
                trailers.addAll(fields.get());
                return RawResponse.End.COMPLETE;
            }
            if (readFixed(n, body) != RawResponse.End.COMPLETE) {
                return stopped();
            }
            String end = readLine(false);
            if (end == null) {
                return stopped();
            }
            if (!end.isEmpty()) {
                throw new ProtocolViolation("chunk data longer than its size " + n);
            }
        }
    }

    private RawResponse.End readToClose(ByteArrayOutputStream body) {
        int b;
        while ((b = connection.read()) >= 0) {
            body.write(b);
        }
        return connection.stop().orElseThrow() == RawConnection.Stop.TIMEOUT
                ? RawResponse.End.STALLED
                : RawResponse.End.COMPLETE;
    }

    private RawResponse.End stopped() {
        return connection.stop().orElseThrow() == RawConnection.Stop.TIMEOUT
                ? RawResponse.End.STALLED
                : RawResponse.End.CLOSED_EARLY;
    }

    private List<RawResponse.Field> readFields() {
        return tryReadFields()
                .orElseThrow(() -> new ProtocolViolation("header section cut short (" + describeStop() + ")"));
    }

    private Optional<List<RawResponse.Field>> tryReadFields() {
        List<RawResponse.Field> fields = new ArrayList<>();
        while (true) {
            String line = readLine(false);
            if (line == null) {
                return Optional.empty();
            }
            if (line.isEmpty()) {
                return Optional.of(fields);
            }
            fields.add(parseField(line));
        }
    }

    private static RawResponse.Field parseField(String line) {
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            throw new ProtocolViolation("obs-fold continuation line: \"" + line + '"');
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new ProtocolViolation("header line without a name and colon: \"" + line + '"');
        }
        String name = line.substring(0, colon);
        if (!name.chars().allMatch(c -> c > 0x20 && c < 0x7F && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0)) {
            throw new ProtocolViolation("header name is not a token: \"" + name + '"');
        }
        String value = line.substring(colon + 1).strip();
        if (value.chars().anyMatch(c -> c == 0 || c == '\r' || c == '\n')) {
            throw new ProtocolViolation("header value holds NUL, CR or LF: " + name);
        }
        return new RawResponse.Field(name, value);
    }

    /**
     * One CRLF-terminated line as ISO-8859-1, or null when the connection stopped first; with
     * {@code required}, a stop before any byte is an {@link AssertionError} saying what happened.
     */
    private String readLine(boolean required) {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = connection.read();
            if (b < 0) {
                if (required) {
                    throw new AssertionError(
                            line.isEmpty()
                                    ? "expected a response, but " + describeStop()
                                    : "status line cut short (" + describeStop() + "): \"" + line + '"');
                }
                return null;
            }
            if (b == '\n') {
                throw new ProtocolViolation("bare LF ends a line: \"" + line + '"');
            }
            if (b == '\r') {
                int lf = connection.read();
                if (lf != '\n') {
                    throw new ProtocolViolation("CR not followed by LF after \"" + line + '"');
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new ProtocolViolation("line longer than " + MAX_LINE + " octets");
            }
            line.append((char) b);
        }
    }

    private String describeStop() {
        return switch (connection.stop().orElse(RawConnection.Stop.EOF)) {
            case EOF -> "the server closed the connection";
            case RESET -> "the connection was reset";
            case TIMEOUT -> "nothing arrived within " + connection.timeout().toMillis() + " ms";
        };
    }

    private static Optional<String> headerValue(List<RawResponse.Field> fields, String name) {
        return fields.stream()
                .filter(f -> f.name().equalsIgnoreCase(name))
                .map(RawResponse.Field::value)
                .findFirst();
    }

    private static List<String> values(List<RawResponse.Field> fields, String name) {
        return fields.stream()
                .filter(f -> f.name().equalsIgnoreCase(name))
                .map(RawResponse.Field::value)
                .toList();
    }
}
