package dev.jgi.server.websocket;

import dev.jgi.kernel.order.CloseCodes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The payload of a close frame (RFC 6455 section 5.5.1). An empty payload means "no status",
 * reported as 1005 and answered with an empty close frame.
 */
record CloseFrame(int code, String reason) {

    static final int NO_STATUS = 1005;
    static final int PROTOCOL_ERROR = 1002;

    static CloseFrame parse(ByteBuffer[] payload) {
        int length = 0;
        for (ByteBuffer piece : payload) {
            length += piece.remaining();
        }
        ByteBuffer whole = ByteBuffer.allocate(length);
        for (ByteBuffer piece : payload) {
            whole.put(piece.duplicate());
        }
        whole.flip();
        if (whole.remaining() < 2) {
            return new CloseFrame(NO_STATUS, "");
        }
        int code = whole.getShort() & 0xFFFF;
        return new CloseFrame(code, StandardCharsets.UTF_8.decode(whole).toString());
    }

    /** The payload of the answering close frame: the same code, or 1002 for one not allowed on the wire. */
    ByteBuffer reply() {
        if (code == NO_STATUS) {
            return ByteBuffer.allocate(0);
        }
        ByteBuffer reply = ByteBuffer.allocate(2);
        reply.putShort((short) (CloseCodes.sendable(code) ? code : PROTOCOL_ERROR))
                .flip();
        return reply;
    }
}
