package dev.jgi.tck.h2;

import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP/2 frame as on the wire (RFC 9113 §4.1): type, flags, stream and the payload bytes.
 *
 * @param type    the frame type, one of the constants here
 * @param flags   the flag bits
 * @param stream  the stream identifier, 0 for the connection
 * @param payload the payload, padding included
 */
record Frame(int type, int flags, int stream, byte[] payload) {

    static final int DATA = 0x0;
    static final int HEADERS = 0x1;
    static final int RST_STREAM = 0x3;
    static final int SETTINGS = 0x4;
    static final int PUSH_PROMISE = 0x5;
    static final int PING = 0x6;
    static final int GOAWAY = 0x7;
    static final int WINDOW_UPDATE = 0x8;
    static final int CONTINUATION = 0x9;

    /** END_STREAM on DATA and HEADERS, ACK on SETTINGS and PING. */
    static final int END_STREAM = 0x1;

    static final int ACK = 0x1;
    static final int END_HEADERS = 0x4;
    static final int PADDED = 0x8;
    static final int PRIORITY = 0x20;

    private static final String[] NAMES = {
        "DATA",
        "HEADERS",
        "PRIORITY",
        "RST_STREAM",
        "SETTINGS",
        "PUSH_PROMISE",
        "PING",
        "GOAWAY",
        "WINDOW_UPDATE",
        "CONTINUATION"
    };

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** The payload without padding and, on HEADERS, without the priority fields (§6.1, §6.2). */
    byte[] content() {
        int start = 0;
        int end = payload.length;
        if (has(PADDED) && (type == DATA || type == HEADERS)) {
            start = 1;
            end -= payload[0] & 0xff;
        }
        if (type == HEADERS && has(PRIORITY)) {
            start += 5;
        }
        if (end < start) {
            throw new IllegalStateException("the server sent a " + this + " with more padding than payload");
        }
        return java.util.Arrays.copyOfRange(payload, start, end);
    }

    /** A 32-bit big-endian number at {@code offset} of the payload, the top bit cleared. */
    int number(int offset) {
        return ((payload[offset] & 0x7f) << 24)
                | ((payload[offset + 1] & 0xff) << 16)
                | ((payload[offset + 2] & 0xff) << 8)
                | (payload[offset + 3] & 0xff);
    }

    /** A 4-byte payload: a window increment, an error code. */
    static byte[] word(long value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    @Override
    public String toString() {
        List<String> set = new ArrayList<>();
        boolean control = type == SETTINGS || type == PING;
        if (has(END_STREAM)) {
            set.add(control ? "ACK" : "END_STREAM");
        }
        if (has(END_HEADERS) && !control) {
            set.add("END_HEADERS");
        }
        if (has(PADDED) && !control) {
            set.add("PADDED");
        }
        String name = type < NAMES.length ? NAMES[type] : "type 0x" + Integer.toHexString(type);
        return name + " stream " + stream + (set.isEmpty() ? "" : " " + set) + ", " + payload.length + " bytes";
    }
}
