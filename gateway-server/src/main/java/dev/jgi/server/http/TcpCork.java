package dev.jgi.server.http;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.jgi.assets.undertow.Cork;
import dev.jgi.server.log.ServerLog;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.nio.channels.SocketChannel;
import java.util.Locale;
import org.xnio.StreamConnection;

/**
 * Linux's {@code TCP_CORK} for large file bodies ({@link Cork}): the static handler's, and an app's
 * file response ({@code Body.file}) past the first buffer. Neither the JDK
 * nor XNIO's NIO transport can set it, so this sets it with {@code setsockopt} through JNA (already
 * the server's way to libc), on the descriptor of the connection's socket channel.
 *
 * <p>Reaching that descriptor takes two steps outside any published API: XNIO 3.8's package-private
 * {@code NioSocketStreamConnection.getChannel()} (XNIO is an automatic module, open to reflection),
 * and the JDK's {@code sun.nio.ch.SelChImpl.getFDVal()}, which needs {@code --add-exports
 * java.base/sun.nio.ch=dev.jgi.server} ({@code bin/jgi} and the Maven plugin pass it). Where any of
 * this is missing, on another system, or for an embedded server started without the flag, files go
 * out uncorked as before, and the log says so once.
 */
public final class TcpCork implements Cork {

    private static final int IPPROTO_TCP = 6;
    private static final int TCP_CORK = 3;

    private final Class<?> plainConnection;
    private final Method channelOf;
    private final MethodHandle descriptorOf;

    private TcpCork(Class<?> plainConnection, Method channelOf, MethodHandle descriptorOf) {
        this.plainConnection = plainConnection;
        this.channelOf = channelOf;
        this.descriptorOf = descriptorOf;
    }

    /** The cork for this JVM, decided once: a {@code TcpCork} where it can work, otherwise {@link Cork#NONE}. */
    public static Cork forThisJvm() {
        return Shared.CORK;
    }

    private static final class Shared {
        static final Cork CORK = probe();

        private Shared() {}
    }

    private static Cork probe() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Cork.NONE;
        }
        try {
            Class<?> selectable = Class.forName("sun.nio.ch.SelChImpl");
            if (!selectable.getModule().isExported("sun.nio.ch", TcpCork.class.getModule())) {
                ServerLog.info("large files are sent uncorked: start the JVM with --add-exports "
                        + "java.base/sun.nio.ch=" + moduleName() + " to cork them (bin/jgi does)");
                return Cork.NONE;
            }
            MethodHandle descriptorOf = MethodHandles.lookup().unreflect(selectable.getMethod("getFDVal"));
            Class<?> plain = Class.forName("org.xnio.nio.NioSocketStreamConnection");
            Method channelOf = plain.getDeclaredMethod("getChannel");
            channelOf.setAccessible(true);
            SetSocketOption.bind();
            return new TcpCork(plain, channelOf, descriptorOf);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            ServerLog.warn(null, "large files are sent uncorked: " + e);
            return Cork.NONE;
        }
    }

    private static String moduleName() {
        String name = TcpCork.class.getModule().getName();
        return name == null ? "ALL-UNNAMED" : name;
    }

    @Override
    public void untilComplete(HttpServerExchange exchange) {
        SocketChannel channel = socketOf(exchange.getConnection());
        if (channel == null || !set(channel, SetSocketOption.ONE)) {
            return;
        }
        exchange.addExchangeCompleteListener((done, next) -> {
            // After a failed send the connection is closed, and its descriptor number may already
            // belong to another socket.
            if (channel.isOpen()) {
                set(channel, SetSocketOption.ZERO);
            }
            next.proceed();
        });
    }

    /** The socket channel of a plain TCP connection; null for TLS, HTTP/2 or a Unix socket. */
    SocketChannel socketOf(ServerConnection connection) {
        if (!(connection instanceof AbstractServerConnection server)) {
            return null;
        }
        StreamConnection stream = server.getChannel();
        if (!plainConnection.isInstance(stream)) {
            return null;
        }
        try {
            return channelOf.invoke(stream) instanceof SocketChannel channel ? channel : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** The descriptor of an open socket channel. */
    int descriptor(SocketChannel channel) {
        try {
            return (int) descriptorOf.invoke(channel);
        } catch (Throwable e) {
            throw new IllegalStateException("no descriptor for " + channel, e);
        }
    }

    private boolean set(SocketChannel channel, Pointer value) {
        return SetSocketOption.setsockopt(descriptor(channel), IPPROTO_TCP, TCP_CORK, value, Integer.BYTES) == 0;
    }

    /**
     * libc's {@code setsockopt}, bound by JNA's direct mapping (a plain native call, not an interface
     * proxy), with the two values it is given; they are only read, so every thread shares them.
     */
    private static final class SetSocketOption {
        static final Memory ONE = intValue(1);
        static final Memory ZERO = intValue(0);

        static {
            Native.register(SetSocketOption.class, "c");
        }

        private SetSocketOption() {}

        /** Binds the native method now, so that a failure shows at start-up. */
        static void bind() {}

        static native int setsockopt(int fd, int level, int option, Pointer value, int length);

        private static Memory intValue(int value) {
            Memory memory = new Memory(Integer.BYTES);
            memory.setInt(0, value);
            return memory;
        }
    }
}
