package dev.jgi.server.http;

import io.undertow.protocols.http2.ConnectionErrorException;
import io.undertow.protocols.http2.Http2Channel;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Counts the streams an HTTP/2 client opens and resets, from the frame headers of the bytes Undertow
 * reads, and cuts the connection off with GOAWAY {@code ENHANCE_YOUR_CALM} when either rate runs
 * over its {@link Http2Limits} [JGI-LIM-5]. Undertow's own reset guard counts a reset only while the
 * client's half of the stream is open, so the CVE-2023-44487 pattern (HEADERS with END_STREAM, then
 * RST_STREAM) escapes it; this one counts every RST_STREAM. It reads frame headers, and hands the
 * header blocks to {@link Http2Targets}; it never changes a byte, and stays passive on a connection
 * that does not start with the HTTP/2 preface.
 * All calls happen on the connection's I/O thread.
 */
final class StreamGuard extends ScanningConduit {

    private static final byte[] PREFACE =
            "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int FRAME_HEADER = 9;
    private static final int HEADERS = 0x1;
    private static final int RST_STREAM = 0x3;

    /** What the guard reports: the connection speaks HTTP/2, and the client was cut off. */
    interface Listener {
        void http2Started();

        /** The client was cut off: the next read answers GOAWAY, which the listener brings about. */
        void cutOff(String reason);

        /** The client reset {@code stream}; told before Undertow reads the frame. */
        void reset(int stream);
    }

    private enum State {
        PREFACE,
        HEADER,
        PAYLOAD,
        PASSIVE,
        TRIPPED
    }

    private final Listener listener;
    private final Http2Targets targets;
    private final TokenBucket resets;
    private final TokenBucket streams;
    private final byte[] header = new byte[FRAME_HEADER];
    private State state = State.PREFACE;
    private int matched;
    private int headerLength;
    private long payloadLeft;
    private int lastStream;
    private long resetCount;
    private long streamCount;
    private String trippedBy;
    private int errorCode;
    private boolean headerBlock;
    /** The preface follows an {@code Upgrade: h2c} exchange, for Undertow's HTTP/2 channel to read. */
    private boolean upgraded;
    /** Where the preface ended in the buffer of the read that brought its last byte. */
    private int prefaceEnd;

    StreamGuard(StreamSourceConduit next, Http2Limits limits, Http2Targets targets, Listener listener) {
        super(next);
        this.targets = targets;
        this.listener = listener;
        this.resets = new TokenBucket(limits.resetRate());
        this.streams = new TokenBucket(limits.streamRate());
    }

    /**
     * The client asked to upgrade to h2c (RFC 7540 section 3.2): its HTTP/2 preface follows the
     * server's 101, so a guard that went passive on the HTTP/1.1 request watches again, and the
     * upgraded connection gets the same rates as one that spoke HTTP/2 from its first byte.
     */
    void expectPreface() {
        upgraded = true;
        if (state == State.PASSIVE) {
            state = State.PREFACE;
            matched = 0;
        }
    }

    /** Bytes read before the guard was installed (those that chose HTTP/2 by ALPN), scanned first. */
    void seen(ByteBuffer alreadyRead) {
        ByteBuffer view = alreadyRead.duplicate();
        scan(view, view.position(), view.limit());
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        refuseWhenTripped();
        boolean priorKnowledge = state == State.PREFACE && !upgraded;
        int start = dst.position();
        int n = readScanned(dst);
        if (state == State.TRIPPED && priorKnowledge) {
            // Undertow's HTTP/1.1 listener reads a prior-knowledge preface, and closes at an exception
            // with no GOAWAY: it gets the preface alone, and the HTTP/2 channel it then makes is
            // refused at its first read. The rest of this read is dropped, as a refused read's is.
            dst.position(prefaceEnd);
            return prefaceEnd - start;
        }
        refuseWhenTripped();
        return n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
        refuseWhenTripped();
        long n = readScanned(dsts, offs, len, new int[len]);
        refuseWhenTripped();
        return n;
    }

    /** Bytes that bypass the scan make frame boundaries unknowable: HTTP/2 never does this. */
    @Override
    void stopScanning() {
        if (state != State.TRIPPED) {
            state = State.PASSIVE;
        }
    }

    /**
     * Undertow turns this exception, raised from its read, into GOAWAY with the exception's error
     * code and closes the connection; the frames read with it are dropped unprocessed.
     */
    private void refuseWhenTripped() throws ConnectionErrorException {
        if (state == State.TRIPPED) {
            throw new ConnectionErrorException(errorCode, trippedBy);
        }
    }

    @Override
    void scan(ByteBuffer buffer, int from, int to) {
        int i = from;
        while (i < to) {
            switch (state) {
                case PREFACE -> {
                    if (buffer.get(i) != PREFACE[matched]) {
                        state = State.PASSIVE;
                        return;
                    }
                    i++;
                    if (++matched == PREFACE.length) {
                        prefaceEnd = i;
                        state = State.HEADER;
                        listener.http2Started();
                    }
                }
                case HEADER -> {
                    header[headerLength++] = buffer.get(i++);
                    if (headerLength == FRAME_HEADER) {
                        headerLength = 0;
                        frame();
                    }
                }
                case PAYLOAD -> {
                    long skip = Math.min(payloadLeft, to - i);
                    if (headerBlock) {
                        targets.payload(buffer, i, (int) skip);
                    }
                    i += (int) skip;
                    payloadLeft -= skip;
                    if (payloadLeft == 0) {
                        state = State.HEADER;
                    }
                }
                default -> {
                    return;
                }
            }
        }
    }

    private void frame() {
        int length = ((header[0] & 0xFF) << 16) | ((header[1] & 0xFF) << 8) | (header[2] & 0xFF);
        int type = header[3] & 0xFF;
        int stream = ((header[5] & 0x7F) << 24)
                | ((header[6] & 0xFF) << 16)
                | ((header[7] & 0xFF) << 8)
                | (header[8] & 0xFF);
        payloadLeft = length;
        state = length == 0 ? State.HEADER : State.PAYLOAD;
        headerBlock = targets.frame(type, header[4] & 0xFF, stream, length);
        long now = System.nanoTime();
        if (type == HEADERS && stream > lastStream) {
            lastStream = stream;
            streamCount++;
            if (!streams.take(now)) {
                trip("more than " + streams.perSecond() + " new streams per second (" + streamCount + " opened)");
            }
        } else if (type == RST_STREAM) {
            listener.reset(stream);
            resetCount++;
            if (!resets.take(now)) {
                trip("more than " + resets.perSecond() + " stream resets per second (" + resetCount + " reset, "
                        + streamCount + " opened)");
            }
        }
    }

    private void trip(String reason) {
        state = State.TRIPPED;
        errorCode = Http2Channel.ERROR_ENHANCE_YOUR_CALM;
        trippedBy = "[JGI-LIM-5] " + reason;
        listener.cutOff(trippedBy);
    }

    /**
     * Ends a connection on which the client never opened a stream: GOAWAY {@code NO_ERROR} at
     * Undertow's next read, which the caller brings about by waking reads. Undertow times the idle
     * time after a stream itself (its {@code NO_REQUEST_TIMEOUT}), but not before the first.
     */
    void goAwayIfNoStream() {
        if (streamCount == 0 && state != State.TRIPPED) {
            state = State.TRIPPED;
            errorCode = Http2Channel.ERROR_NO_ERROR;
            trippedBy = "idle HTTP/2 connection";
        }
    }

    /** Streams opened so far on this connection. */
    long streamsOpened() {
        return streamCount;
    }

    /**
     * A rate with a burst of one second's worth: {@code perSecond} events may come at once, and
     * they are earned back at {@code perSecond} a second. Zero is no limit.
     */
    static final class TokenBucket {
        private final int perSecond;
        private double tokens;
        private long last;

        TokenBucket(int perSecond) {
            this.perSecond = perSecond;
            this.tokens = perSecond;
            this.last = System.nanoTime();
        }

        int perSecond() {
            return perSecond;
        }

        boolean take(long now) {
            if (perSecond == 0) {
                return true;
            }
            tokens = Math.min(perSecond, tokens + (now - last) * perSecond / 1e9);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
