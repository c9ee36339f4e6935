package dev.jgi.server.systemd;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sd_notify}: state lines sent as one datagram to the Unix socket {@code $NOTIFY_SOCKET}
 * names, from this process itself, so that systemd's default {@code NotifyAccess=main} accepts them
 * (a {@code systemd-notify} child would be refused: systemd checks the sender's PID).
 */
final class Notifier {

    private static final int MAX_PATH = 108;

    private final byte[] address;
    private final String socket;

    private Notifier(byte[] address, String socket) {
        this.address = address;
        this.socket = socket;
    }

    /**
     * The notifier {@code $NOTIFY_SOCKET} asks for, or empty when it is unset (not run by systemd
     * with {@code Type=notify}).
     *
     * @throws IllegalArgumentException when the variable names no usable Unix socket path
     */
    static Optional<Notifier> from(Map<String, String> environment) {
        String socket = environment.getOrDefault("NOTIFY_SOCKET", "");
        if (socket.isEmpty()) {
            return Optional.empty();
        }
        if (socket.charAt(0) != '/' && socket.charAt(0) != '@') {
            throw new IllegalArgumentException("NOTIFY_SOCKET must be a path or an abstract name (@...): " + socket);
        }
        byte[] path = socket.getBytes(StandardCharsets.UTF_8);
        boolean abstractName = path[0] == '@';
        if (abstractName) {
            path[0] = 0;
        }
        if (path.length >= MAX_PATH) {
            throw new IllegalArgumentException("NOTIFY_SOCKET is longer than " + (MAX_PATH - 1) + " bytes: " + socket);
        }
        // struct sockaddr_un: the family in native order, then the path; NUL-terminated unless abstract.
        ByteBuffer address =
                ByteBuffer.allocate(2 + path.length + (abstractName ? 0 : 1)).order(ByteOrder.nativeOrder());
        address.putShort((short) Libc.AF_UNIX).put(path);
        return Optional.of(new Notifier(address.array(), socket));
    }

    /**
     * Sends newline-separated assignments such as {@code READY=1} in one datagram.
     *
     * @throws IOException with the errno when the socket cannot be made or the datagram not sent
     */
    void send(String state) throws IOException {
        Libc c = Libc.get();
        int fd = c.socket(Libc.AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new IOException("cannot make a datagram socket: errno " + Native.getLastError());
        }
        try {
            byte[] data = state.getBytes(StandardCharsets.UTF_8);
            long sent = c.sendto(fd, data, new NativeLong(data.length), 0, address, address.length)
                    .longValue();
            if (sent != data.length) {
                throw new IOException("cannot notify " + socket + ": errno " + Native.getLastError());
            }
        } finally {
            c.close(fd);
        }
    }
}
