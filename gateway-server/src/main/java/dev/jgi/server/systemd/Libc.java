package dev.jgi.server.systemd;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * The libc calls systemd integration needs and the JDK lacks: a datagram Unix socket (the JDK's
 * Unix-domain channels are stream-only, and {@code $NOTIFY_SOCKET} is a datagram socket) and
 * {@code dup2} (to hand an inherited descriptor to {@link System#inheritedChannel()}, which adopts
 * only descriptor 0). Loaded through JNA on first use; a server that never meets systemd never
 * loads it.
 */
interface Libc extends Library {

    int AF_UNIX = 1;
    int SOCK_DGRAM = 2;
    int SOCK_CLOEXEC = 0x80000;

    int socket(int domain, int type, int protocol);

    NativeLong sendto(int fd, byte[] buffer, NativeLong length, int flags, byte[] address, int addressLength);

    int dup(int fd);

    int dup2(int from, int to);

    int close(int fd);

    /** The library, loaded once. */
    static Libc get() {
        return Holder.C;
    }

    /** Loads libc on first use only. */
    final class Holder {
        static final Libc C = Native.load("c", Libc.class);

        private Holder() {}
    }
}
