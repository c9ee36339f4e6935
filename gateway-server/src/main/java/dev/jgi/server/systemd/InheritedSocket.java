package dev.jgi.server.systemd;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.util.Map;

/**
 * A listening socket this process inherited, as systemd's socket activation passes it
 * ({@code LISTEN_FDS}, {@code LISTEN_PID}, descriptors from 3 on) or any supervisor that does the
 * same. The JDK adopts an inherited socket only as descriptor 0 ({@link System#inheritedChannel()}),
 * so the descriptor is first duplicated onto 0 with {@code dup2}. One inherited socket per process.
 */
public final class InheritedSocket {

    /** The first descriptor systemd passes ({@code SD_LISTEN_FDS_START}). */
    public static final int FIRST = 3;

    private static ServerSocketChannel taken;

    private InheritedSocket() {}

    /**
     * Adopts descriptor {@code fd} as a listening channel.
     *
     * @throws IllegalArgumentException when {@code LISTEN_PID} names another process, when
     *     {@code LISTEN_FDS} does not cover {@code fd}, or when the descriptor is not a listening
     *     stream socket
     * @throws IllegalStateException    when this process already adopted a socket
     */
    public static synchronized ServerSocketChannel take(int fd, Map<String, String> environment) throws IOException {
        if (taken != null) {
            throw new IllegalStateException("only one inherited socket per process; fd:" + fd + " is a second one");
        }
        String pid = environment.get("LISTEN_PID");
        if (pid != null && !pid.equals(Long.toString(ProcessHandle.current().pid()))) {
            throw new IllegalArgumentException("LISTEN_PID " + pid + " is not this process ("
                    + ProcessHandle.current().pid() + "): the sockets were passed to another one");
        }
        String count = environment.get("LISTEN_FDS");
        if (count != null && fd >= FIRST && fd >= FIRST + Integer.parseInt(count.strip())) {
            throw new IllegalArgumentException("fd:" + fd + " was not passed: LISTEN_FDS is " + count);
        }
        if (fd != 0) {
            if (Libc.get().dup2(fd, 0) < 0) {
                throw new IllegalArgumentException("fd:" + fd + " is not an open descriptor");
            }
            Libc.get().close(fd);
        }
        Channel channel = System.inheritedChannel();
        if (!(channel instanceof ServerSocketChannel server)) {
            throw new IllegalArgumentException("fd:" + fd + " is not a listening TCP socket");
        }
        taken = server;
        return server;
    }

    /**
     * Closes {@code listener}, built on the adopted channel, keeping standard output and error. The
     * JDK, closing an inherited channel, points descriptors 0, 1 and 2 at {@code /dev/null}
     * ({@code sun.nio.ch.InheritedChannel}), which would silence the server's last log lines and
     * the access log; they are duplicated first and put back after.
     */
    public static void close(java.io.Closeable listener) {
        Libc c = Libc.get();
        int out = c.dup(1);
        int err = c.dup(2);
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing a listener that failed is all that can be done with it.
        } finally {
            restore(c, out, 1);
            restore(c, err, 2);
        }
    }

    private static void restore(Libc c, int saved, int fd) {
        if (saved >= 0) {
            c.dup2(saved, fd);
            c.close(saved);
        }
    }
}
