package dev.jgi.server.runtime;

import dev.jgi.server.ServerConfig;
import io.undertow.UndertowOptions;
import org.xnio.OptionMap;
import org.xnio.Options;

/**
 * Undertow's and XNIO's options for a config. Undertow's own size caps sit far above JGI's limits,
 * so that the precise statuses come from the gateway's checks (414, 431, 413) instead of
 * Undertow's bare 400; they remain as the absolute bound on memory per connection.
 */
final class UndertowSetup {

    private UndertowSetup() {}

    static OptionMap undertow(ServerConfig config) {
        int head = config.maxRequestLine() + config.maxHeaderSize();
        return OptionMap.builder()
                .set(UndertowOptions.MAX_HEADER_SIZE, Math.max(1024 * 1024, 4 * head))
                .set(UndertowOptions.MAX_HEADERS, Math.max(1000, 4 * config.maxHeaderCount()))
                .set(UndertowOptions.MAX_PARAMETERS, Math.max(1000, config.maxRequestLine()))
                .set(UndertowOptions.MAX_ENTITY_SIZE, -1L)
                .set(UndertowOptions.DECODE_URL, false)
                .set(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, false)
                .set(UndertowOptions.DECODE_SLASH, true)
                .set(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
                .set(UndertowOptions.NO_REQUEST_TIMEOUT, millis(config.keepAliveTimeout()))
                .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, millis(config.headerReadTimeout()) + 1000)
                .getMap();
    }

    static OptionMap worker(ServerConfig config) {
        int io = config.ioThreads() > 0
                ? config.ioThreads()
                : Math.max(2, Runtime.getRuntime().availableProcessors());
        return OptionMap.builder()
                .set(Options.WORKER_IO_THREADS, io)
                .set(Options.WORKER_TASK_CORE_THREADS, 2)
                .set(Options.WORKER_TASK_MAX_THREADS, 2)
                .set(Options.TCP_NODELAY, true)
                .set(Options.CORK, true)
                .set(Options.WORKER_NAME, "jgi")
                .getMap();
    }

    /**
     * The options of each listening socket; a write timeout there makes Undertow close a connection
     * whose response write makes no progress for that long (a client that does not read). The
     * connection cap is XNIO's high-water mark: at it the listener stops accepting, costing nothing
     * per refused client (the kernel queues them, and refuses beyond the backlog), and resumes
     * once the open connections fell to nine tenths of it, so that it does not flap.
     */
    static OptionMap socket(int ioThreads, java.time.Duration writeTimeout, int maxConnections) {
        OptionMap.Builder options = OptionMap.builder();
        if (!writeTimeout.isZero()) {
            options.set(Options.WRITE_TIMEOUT, millis(writeTimeout));
        }
        if (maxConnections > 0) {
            options.set(Options.CONNECTION_HIGH_WATER, maxConnections)
                    .set(Options.CONNECTION_LOW_WATER, Math.max(1, maxConnections * 9 / 10));
        }
        return options.set(Options.WORKER_IO_THREADS, ioThreads)
                .set(Options.TCP_NODELAY, true)
                .set(Options.REUSE_ADDRESSES, true)
                .set(Options.BALANCING_TOKENS, 1)
                .set(Options.BALANCING_CONNECTIONS, 2)
                .set(Options.BACKLOG, 2048)
                .getMap();
    }

    private static int millis(java.time.Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
