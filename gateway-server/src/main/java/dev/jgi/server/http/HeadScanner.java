package dev.jgi.server.http;

import dev.jgi.kernel.request.RequestLine;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Watches the raw bytes of an HTTP/1.1 connection as Undertow reads them and records each request
 * head as a {@link HeadInfo}. It follows message framing (content-length, chunked) to find the next
 * head; anything it does not understand (an upgrade, HTTP/2, a framing surprise) makes it stop for
 * the rest of the connection, and the handler then falls back to Undertow's parsed head. It never
 * changes the bytes. All calls happen on the connection's I/O thread.
 */
final class HeadScanner extends ScanningConduit {

    private enum State {
        HEAD,
        FIXED,
        CHUNK_SIZE,
        CHUNK_DATA,
        CHUNK_END,
        TRAILERS,
        LOST,
        REJECTED,
        BAD_BODY
    }

    /** The most hex digits a chunk size may have: 15 keeps it below 2^60, beyond any body limit. */
    private static final int MAX_CHUNK_DIGITS = 15;

    private static final String MALFORMED = "[JGI-BODY-9] the chunked body is malformed";

    private final int maxHead;
    private final int maxRequestLine;
    private final java.util.function.IntConsumer reject;
    private final int maxHeaderCount;
    private final int maxFieldSize;
    private int requestLineLength = -1;
    /** Where, in the current read, the bytes to hide from Undertow begin after a refused head. */
    private int passUntil = -1;

    /** Trailer fields and bytes of the current chunked body so far. */
    private int trailerCount;

    private long trailerBytes;
    /** What a malformed or oversized chunked body is answered. */
    private Admission.Refused badBodyAnswer;

    private int lineFeeds;
    /** Where in the current read a malformed chunk line began, or -1. */
    private int badAt = -1;

    /** Told of a malformed chunk line; only while a body is scanned, so that an idle connection keeps no reader. */
    private Runnable onBadBody;

    private boolean chunkExtension;
    private final RecordedHeads heads = new RecordedHeads();
    /** The head being read; null between heads, so that an idle connection holds no buffer. */
    private byte[] head;

    private int headLength;
    private State state = State.HEAD;
    private long remaining;
    /** The chunk line being read; null outside a chunked body. */
    private StringBuilder line;
    /** When bytes last arrived, by {@link System#nanoTime()}. */
    private long lastRead = System.nanoTime();

    /**
     * @param maxRequestLine the request-line limit [JGI-LIM-1]
     * @param maxHead        the head limit [JGI-LIM-2]; also the most this records
     * @param maxHeaderCount the header-count limit [JGI-LIM-2]; also the most trailer fields
     * @param maxFieldSize   the longest header field [JGI-LIM-2]; also the longest chunk line (size and
     *                       extensions, else 400) and trailer field (else 431)
     * @param reject         told 414 or 431 once a head crosses a limit, 505 for a head whose major
     *                       version is not 1 [JGI-REQ-11]; from then on every byte read
     *                       is discarded, so that Undertow never sees the oversized head
     */
    HeadScanner(
            StreamSourceConduit next,
            int maxRequestLine,
            int maxHead,
            int maxHeaderCount,
            int maxFieldSize,
            java.util.function.IntConsumer reject) {
        super(next);
        this.maxFieldSize = maxFieldSize;
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderCount = maxHeaderCount;
        this.maxHead = maxHead;
        this.reject = reject;
    }

    /** Whether heads were recorded that no request has taken yet: requests Undertow still has to start. */
    boolean headsPending() {
        return !heads.isEmpty();
    }

    /** The next recorded head, or null when none was recorded (the scanner lost track). */
    HeadInfo next() {
        return heads.poll();
    }

    private void forgetHeads() {
        heads.clear();
        releaseHead();
    }

    private void releaseHead() {
        if (head != null) {
            HeadBuffer.give(head);
            head = null;
        }
    }

    /** When bytes last arrived on this connection, by {@link System#nanoTime()}. */
    long lastRead() {
        return lastRead;
    }

    /**
     * Whether part of a request arrived that the handler has not been given yet: bytes of a head
     * still being sent, or a complete head not yet taken. A scanner that lost track answers false.
     */
    boolean midHead() {
        return (state == State.HEAD && headLength > 0) || !heads.isEmpty();
    }

    /**
     * Follows bytes read before this scanner was put on the connection (by the TLS ALPN listener),
     * which Undertow parses from its own buffer: they are recorded, never hidden.
     */
    void seen(ByteBuffer alreadyRead) {
        lastRead = System.nanoTime();
        scan(alreadyRead, alreadyRead.position(), alreadyRead.limit());
    }

    /** The handler saw a head that does not match: stop trusting this connection's records. */
    void lose() {
        state = State.LOST;
        forgetHeads();
        line = null;
        onBadBody = null;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int start = dst.position();
        boolean wasLost = state == State.LOST;
        boolean wasBad = state == State.BAD_BODY;
        boolean wasRejected = state == State.REJECTED;
        badAt = -1;
        passUntil = -1;
        int n = readScanned(dst);
        if (n > 0) {
            lastRead = System.nanoTime();
        }
        if (n > 0 && !wasLost) {
            if (!wasRejected && state == State.REJECTED && passUntil > start) {
                dst.position(passUntil);
                return passUntil - start;
            }
            if (state == State.REJECTED || wasBad) {
                dst.position(start);
                return 0;
            }
            if (badAt >= 0) {
                dst.position(badAt);
                if (onBadBody != null) {
                    onBadBody.run();
                }
                return badAt - start;
            }
        }
        return n;
    }

    /**
     * Whether the chunked body of the current request is malformed. The bytes from the first bad
     * one on are kept from Undertow, whose chunk parser would close the connection, so that the
     * server can still answer 400 [JGI-BODY-9].
     */
    boolean badBody() {
        return state == State.BAD_BODY;
    }

    /** The answer to a body that {@link #badBody()}: 400 for bad framing, 431 for too many or too large trailers. */
    Admission.Refused badBodyAnswer() {
        return badBodyAnswer;
    }

    private int bad(int i, int status, String reason) {
        badAt = i;
        state = State.BAD_BODY;
        badBodyAnswer = new Admission.Refused(status, reason);
        return i + 1;
    }

    /** Runs {@code task} (I/O thread) if the body being scanned has a malformed chunk line; dropped when it ends. */
    void onBadBody(Runnable task) {
        onBadBody = inBody() ? task : null;
    }

    private boolean inBody() {
        return switch (state) {
            case FIXED, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, BAD_BODY -> true;
            default -> false;
        };
    }

    /** The body just ended: the next bytes begin a head, and the body's reader is no longer told anything. */
    private void bodyEnded() {
        state = State.HEAD;
        onBadBody = null;
        line = null;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
        int[] starts = new int[len];
        boolean wasLost = state == State.LOST;
        long n = readScanned(dsts, offs, len, starts);
        if (n > 0) {
            lastRead = System.nanoTime();
        }
        if (n > 0 && !wasLost) {
            if (state == State.REJECTED || state == State.BAD_BODY) {
                for (int i = 0; i < len; i++) {
                    dsts[offs + i].position(starts[i]);
                }
                if (state == State.BAD_BODY && onBadBody != null) {
                    onBadBody.run();
                }
                return 0;
            }
        }
        return n;
    }

    @Override
    void stopScanning() {
        lose();
    }

    @Override
    void scan(ByteBuffer buffer, int from, int to) {
        int i = from;
        while (i < to && state != State.LOST && state != State.REJECTED && state != State.BAD_BODY) {
            switch (state) {
                case HEAD -> i = headByte(buffer.get(i), i);
                case FIXED -> {
                    long skip = Math.min(remaining, to - i);
                    i += (int) skip;
                    remaining -= skip;
                    if (remaining == 0) {
                        bodyEnded();
                    }
                }
                case CHUNK_DATA -> {
                    long skip = Math.min(remaining, to - i);
                    i += (int) skip;
                    remaining -= skip;
                    if (remaining == 0) {
                        state = State.CHUNK_END;
                    }
                }
                case CHUNK_SIZE, CHUNK_END, TRAILERS -> i = chunkLineByte(buffer.get(i), i);
                default -> i = to;
            }
        }
    }

    private int headByte(byte b, int i) {
        if (headLength == 0 && (b == '\r' || b == '\n')) {
            return i + 1;
        }
        if (b == '\n') {
            if (requestLineLength < 0) {
                requestLineLength = headLength;
            } else if (++lineFeeds > maxHeaderCount + 1) {
                refuse(431, i);
                return i + 1;
            }
        }
        if (requestLineLength < 0 && headLength > maxRequestLine + 1) {
            refuse(414, i);
            return i + 1;
        }
        if (head == null) {
            head = HeadBuffer.take();
        } else if (headLength == head.length) {
            if (head.length >= maxHead) {
                refuse(431, i);
                return i + 1;
            }
            head = Arrays.copyOf(head, Math.min(maxHead, head.length * 2));
        }
        head[headLength++] = b;
        if (b == '\n'
                && headLength >= 2
                && (head[headLength - 2] == '\n'
                        || (headLength >= 3 && head[headLength - 2] == '\r' && head[headLength - 3] == '\n'))) {
            finishHead(i);
        }
        return i + 1;
    }

    /** The connection preface of HTTP/2 with prior knowledge (RFC 9113 §3.4), which h2c hands on. */
    private static boolean isHttp2Preface(String method, String target, String version) {
        return method.equals("PRI") && target.equals("*") && version.equals("HTTP/2.0");
    }

    /** Discards everything from now on: the server answered on the raw connection and is closing it. */
    void silence() {
        state = State.REJECTED;
        forgetHeads();
    }

    private void refuse(int status, int at) {
        state = State.REJECTED;
        releaseHead();
        // Complete requests before the refused head stay Undertow's to answer first (RFC 9112 §9.3.2).
        passUntil = at - headLength;
        reject.accept(status);
    }

    /** @param last where, in the current read, the head's last byte is */
    private void finishHead(int last) {
        byte[] bytes = head;
        int headBytes = headLength;
        int fieldLines = Math.max(0, lineFeeds - 1);
        headLength = 0;
        requestLineLength = -1;
        lineFeeds = 0;
        // The previous request's body ended before this head: its reader has nothing more to hear.
        onBadBody = null;
        try {
            parseHead(bytes, headBytes, fieldLines, last);
        } finally {
            releaseHead();
        }
    }

    /** Records the head of {@code headBytes} bytes and follows its body's framing. */
    private void parseHead(byte[] bytes, int headBytes, int fieldLines, int last) {
        int lineEnd = HeadBytes.indexOf(bytes, '\n', 0, headBytes);
        int requestLineEnd = lineEnd > 0 && bytes[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        int firstSpace = HeadBytes.indexOf(bytes, ' ', 0, requestLineEnd);
        int secondSpace = firstSpace < 0 ? -1 : HeadBytes.indexOf(bytes, ' ', firstSpace + 1, requestLineEnd);
        if (secondSpace < 0 || HeadBytes.indexOf(bytes, ' ', secondSpace + 1, requestLineEnd) >= 0) {
            lose();
            return;
        }
        String method = HeadBytes.latin1(bytes, 0, firstSpace);
        String target = HeadBytes.latin1(bytes, firstSpace + 1, secondSpace);
        String version = HeadBytes.latin1(bytes, secondSpace + 1, requestLineEnd);
        if (!isHttp2Preface(method, target, version)
                && RequestLine.version(version).orElse(0) == 505) {
            // Undertow would answer 400; RFC 9110 §6.2 says 505 [JGI-REQ-11]. refuse() counts back
            // from the head's first byte, as for a head that crossed a limit.
            headLength = headBytes;
            refuse(505, last + 1);
            headLength = 0;
            return;
        }
        if (!version.startsWith("HTTP/1.")) {
            lose();
            return;
        }
        String malformed = HeadBytes.indexOf(bytes, '\r', 0, requestLineEnd) >= 0
                ? "[JGI-HDR-6] a bare CR in the request line"
                : null;
        String[] fields = new String[2 * fieldLines];
        int count = 0;
        long length = 0;
        boolean chunked = false;
        boolean upgrade = false;
        int pos = lineEnd + 1;
        while (pos < headBytes) {
            int end = HeadBytes.indexOf(bytes, '\n', pos, headBytes);
            int lineStart = pos;
            int lineStop = end > pos && bytes[end - 1] == '\r' ? end - 1 : end;
            pos = end + 1;
            if (lineStop == lineStart) {
                break;
            }
            if (malformed == null && HeadBytes.indexOf(bytes, '\r', lineStart, lineStop) >= 0) {
                malformed = "[JGI-HDR-6] a bare CR in a header line";
            }
            if (bytes[lineStart] == ' ' || bytes[lineStart] == '\t') {
                // A malformed head is refused before its fields are read.
                malformed = malformed == null ? "[JGI-HDR-6] an obsolete line folding" : malformed;
                continue;
            }
            int colon = HeadBytes.indexOf(bytes, ':', lineStart, lineStop);
            if (colon <= lineStart) {
                continue;
            }
            String name = FieldNames.lowerCase(bytes, lineStart, colon);
            String value = HeadBytes.trimmed(bytes, colon + 1, lineStop);
            if (count == fields.length) {
                fields = Arrays.copyOf(fields, fields.length + 2);
            }
            fields[count++] = name;
            fields[count++] = value;
            switch (name) {
                case "content-length" -> length = FramingFields.contentLength(value);
                case "transfer-encoding" -> chunked = FramingFields.chunked(value);
                case "upgrade" -> upgrade = true;
                default -> {}
            }
        }
        heads.add(new HeadInfo(method, target, HeadInfo.validFields(fields, count), malformed));
        if (upgrade || length < 0 || malformed != null) {
            state = State.LOST;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
            line = new StringBuilder();
        } else if (length > 0) {
            state = State.FIXED;
            remaining = length;
        }
    }

    /** Chunk-size lines, the CRLF after chunk data, and trailer lines, byte by byte. */
    private int chunkLineByte(byte b, int i) {
        if (state == State.CHUNK_END && b != '\r' && b != '\n') {
            return bad(i, 400, MALFORMED);
        }
        if (state == State.CHUNK_SIZE && !chunkExtension) {
            // chunk-size = 1*HEXDIG; whitespace only after it, before an extension (BWS).
            boolean sizeChar = Character.digit(b, 16) >= 0 || ((b == ' ' || b == '\t') && !line.isEmpty());
            if (b == ';') {
                chunkExtension = true;
            } else if ((!sizeChar && !(b == '\r' || b == '\n'))
                    || ((b == '\r' || b == '\n') && line.toString().isBlank())) {
                return bad(i, 400, MALFORMED);
            }
        }
        if (state == State.TRAILERS && ++trailerBytes > maxHead) {
            return bad(i, 431, "[JGI-LIM-2] the trailer fields are larger than " + maxHead + " bytes");
        }
        if (b != '\n') {
            if (b != '\r') {
                if (line.length() >= maxFieldSize) {
                    return state == State.TRAILERS
                            ? bad(i, 431, "[JGI-LIM-2] a trailer field is longer than " + maxFieldSize + " bytes")
                            : bad(
                                    i,
                                    400,
                                    "[JGI-BODY-9] a chunk line (size and extensions) is longer than " + maxFieldSize
                                            + " bytes");
                }
                line.append((char) (b & 0xFF));
            }
            return i + 1;
        }
        String text = line.toString();
        line.setLength(0);
        chunkExtension = false;
        switch (state) {
            case CHUNK_SIZE -> {
                int semicolon = text.indexOf(';');
                String size = (semicolon < 0 ? text : text.substring(0, semicolon)).strip();
                if (size.isEmpty() || !size.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    return bad(i, 400, MALFORMED);
                }
                String digits = size.replaceFirst("^0+(?=.)", "");
                if (digits.length() > MAX_CHUNK_DIGITS) {
                    return bad(i, 400, "[JGI-BODY-9] a chunk size of more than " + MAX_CHUNK_DIGITS + " hex digits");
                }
                remaining = Long.parseLong(digits, 16);
                state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
                trailerCount = 0;
                trailerBytes = 0;
            }
            case CHUNK_END -> {
                if (!text.isEmpty()) {
                    lose();
                    return i + 1;
                }
                state = State.CHUNK_SIZE;
            }
            default -> {
                if (text.isEmpty()) {
                    bodyEnded();
                } else if (++trailerCount > maxHeaderCount) {
                    return bad(i, 431, "[JGI-LIM-2] more than " + maxHeaderCount + " trailer fields");
                }
            }
        }
        return i + 1;
    }
}
