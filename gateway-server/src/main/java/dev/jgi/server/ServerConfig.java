package dev.jgi.server;

import dev.jgi.server.unix.SocketFileAccess;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every setting of the reference server, as an immutable value. Each component's {@link Setting}
 * declares its default and help text; {@link #defaults()} is built from those annotations, and so
 * are {@code jgi serve --help}, the {@code JGI_*} environment variables and the config-file keys.
 *
 * @param binds              where to listen, {@code HOST:PORT} ({@code [::1]:8000} for IPv6) or {@code unix:PATH}
 * @param unixSocketMode     the permissions of {@code unix:PATH} socket files, three octal digits
 * @param unixSocketGroup    the group of {@code unix:PATH} socket files; empty keeps the server's own
 * @param rootPath           the mount prefix the application is served under [JGI-PATH-1]
 * @param threads            how sync applications run: a virtual thread per request, or a bounded pool
 * @param platformThreads    the pool size when {@code threads} is {@code platform}
 * @param ioThreads          Undertow I/O threads; 0 picks the number of cores (at least 2)
 * @param maxConcurrent      requests in flight beyond which the server answers 503 [JGI-LIM-6]; 0 is off
 * @param maxConnections     open connections per listening address beyond which the server stops accepting
 *                           until some close (new ones wait in the kernel's accept queue); 0 is off
 * @param requestDeadline    time after which an uncommitted request gets 503 and its thread is interrupted; 0 is off
 * @param gracefulTimeout    how long shutdown waits for in-flight requests [JGI-LIFE-7]
 * @param drainDelay         how long the server keeps serving normally after SIGTERM, with {@code /readyz}
 *                           at 503, so that load balancers stop sending before the listener closes
 * @param keepAliveTimeout   how long an idle keep-alive connection stays open
 * @param headerReadTimeout  how long a client may take to send a request head, else 408 [JGI-LIM-4]
 * @param bodyReadTimeout    the longest wait for the next request body bytes, else 408 [JGI-LIM-4]; 0 is off
 * @param minBodyRate        the fewest request body bytes a second after ten seconds, else 408 [JGI-LIM-4]; 0 is off
 * @param writeTimeout       the longest a response write may wait for the client to read, else the connection closes; 0 is off
 * @param maxRequestLine     the longest request line, else 414 [JGI-LIM-1]
 * @param maxHeaderCount     the most header fields, else 431 [JGI-LIM-2]
 * @param maxFieldSize       the longest header field line, else 431 [JGI-LIM-2]
 * @param maxHeaderSize      the largest request head in total, else 431 [JGI-LIM-2]
 * @param maxBodySize        the largest request body, else 413 [JGI-LIM-3]; 0 is unlimited
 * @param forwardedAllowIps  proxies whose forwarded headers are trusted [JGI-PROXY-1]
 * @param accessLog          the access log format, or off
 * @param accessLogFile      where the access log goes; {@code -} is standard output
 * @param dev                development mode: error pages with stack traces, verbose logging
 * @param reload             reload the application when its classes or jars change (CLI only)
 * @param envFile            a {@code .env} file whose entries the application sees as its environment
 * @param staticMounts       static file directories, {@code URL_PREFIX=DIR}
 * @param staticUrl          an absolute URL the app's asset URLs point below (a CDN or bucket); empty for the server's own
 * @param certFile           a PEM certificate chain; with {@code keyFile}, every TCP bind speaks TLS [JGI-TLS-1]
 * @param keyFile            the PEM private key of {@code certFile}
 * @param http2              whether TLS binds offer HTTP/2 by ALPN [JGI-H2-2]
 * @param h2c                whether cleartext binds also speak HTTP/2 (prior knowledge and {@code Upgrade: h2c})
 * @param h2MaxResetRate     RST_STREAM frames per second an HTTP/2 client may send, else GOAWAY [JGI-LIM-5]; 0 is off
 * @param h2MaxStreamRate    new streams per second an HTTP/2 client may open, else GOAWAY [JGI-LIM-5]; 0 is off
 * @param wsMaxMessageSize   the largest incoming WebSocket message; larger closes with 1009 [JGI-WS-9]
 * @param wsIdleTimeout      how long a WebSocket connection may carry no frame before it is dropped; 0 is off
 * @param clientAuth         whether TLS clients are asked for a certificate [JGI-TLS-2]
 * @param clientCa           the PEM certificates of the authorities that client certificates must chain to
 * @param adminBind          where the admin listener (probes, metrics, status page) listens; empty is off
 * @param adminToken         the secret the admin listener asks for, except on its probes
 * @param adminTokenFile     a file holding that secret, instead of {@code adminToken}
 * @param logFormat          the server log's line format
 * @param logLevel           the least severe server log level written
 */
public record ServerConfig(
        @Setting(
                name = "bind",
                defaultValue = "127.0.0.1:8000",
                repeatable = true,
                help =
                        "Listen on HOST:PORT or unix:PATH; repeatable. With PORT set in the environment and no bind given: 0.0.0.0:$PORT.")
        List<String> binds,

        @Setting(
                name = "unix-socket-mode",
                defaultValue = "660",
                help =
                        "Permissions of unix:PATH socket files, three octal digits: 660 lets the server's user and group connect (put nginx's user in that group, or see unix-socket-group); 666 lets every local user.")
        String unixSocketMode,

        @Setting(
                name = "unix-socket-group",
                defaultValue = "",
                help =
                        "Group of unix:PATH socket files, for example www-data so that nginx's workers can connect; empty keeps the server's own group. The server's user must belong to it.")
        String unixSocketGroup,

        @Setting(
                name = "root-path",
                defaultValue = "",
                help = "Mount prefix the app is served under, e.g. /shop; requests outside it get 404.")
        String rootPath,

        @Setting(
                name = "threads",
                defaultValue = "virtual",
                help = "How sync apps run: virtual (a virtual thread per request) or platform (a bounded pool).")
        ThreadModel threads,

        @Setting(name = "platform-threads", defaultValue = "64", help = "Pool size when --threads=platform.")
        int platformThreads,

        @Setting(
                name = "io-threads",
                defaultValue = "0",
                help = "Undertow I/O threads; 0 means one per core, at least 2.")
        int ioThreads,

        @Setting(
                name = "max-concurrent",
                defaultValue = "5000",
                help = "Requests in flight beyond which new ones get 503 with Retry-After; 0 is off.")
        int maxConcurrent,

        @Setting(
                name = "max-connections",
                defaultValue = "10000",
                help =
                        "Open connections per listening address; beyond it the server accepts no more until some close (they wait in the kernel's accept queue); 0 is off.")
        int maxConnections,

        @Setting(
                name = "request-deadline",
                defaultValue = "0",
                help =
                        "Past this, a request that has not started its response gets 503 and its thread is interrupted; 0 is off.")
        Duration requestDeadline,

        @Setting(
                name = "graceful-timeout",
                defaultValue = "25s",
                help = "On SIGTERM/SIGINT or close(), how long in-flight requests may still run.")
        Duration gracefulTimeout,

        @Setting(
                name = "drain-delay",
                defaultValue = "0",
                help =
                        "On SIGTERM, keep serving this long with /readyz at 503 before the listener closes, so load balancers stop sending first.")
        Duration drainDelay,

        @Setting(
                name = "keep-alive-timeout",
                defaultValue = "75s",
                help = "How long an idle keep-alive connection stays open (above the 60 s of common load balancers).")
        Duration keepAliveTimeout,

        @Setting(
                name = "header-read-timeout",
                defaultValue = "30s",
                help = "How long a client may take to send the request head before it gets 408 (slowloris guard).")
        Duration headerReadTimeout,

        @Setting(
                name = "body-read-timeout",
                defaultValue = "60s",
                help =
                        "How long the server waits for the next bytes of a request body before it answers 408 and closes (stalled uploads); 0 is off.")
        Duration bodyReadTimeout,

        @Setting(
                name = "min-body-rate",
                defaultValue = "240",
                help =
                        "Fewest request body bytes a second, averaged over the time the server waits for them, after the first 10 s; slower gets 408; 0 is off.")
        int minBodyRate,

        @Setting(
                name = "write-timeout",
                defaultValue = "60s",
                help =
                        "How long a response write may wait for a client that does not read before the connection is closed; 0 is off.")
        Duration writeTimeout,

        @Setting(name = "max-request-line", defaultValue = "8KiB", help = "Longest request line; longer gets 414.")
        int maxRequestLine,

        @Setting(name = "max-header-count", defaultValue = "100", help = "Most request header fields; more gets 431.")
        int maxHeaderCount,

        @Setting(
                name = "max-field-size",
                defaultValue = "8KiB",
                help = "Longest single header field (name, colon and value); longer gets 431.")
        int maxFieldSize,

        @Setting(
                name = "max-header-size",
                defaultValue = "64KiB",
                help = "Largest request head (request line and all fields); larger gets 431.")
        int maxHeaderSize,

        @Setting(
                name = "max-body-size",
                defaultValue = "10MiB",
                help =
                        "Largest request body; larger gets 413 (before the app when Content-Length says so); 0 is unlimited.")
        long maxBodySize,

        @Setting(
                name = "forwarded-allow-ips",
                defaultValue = "127.0.0.1,::1",
                help =
                        "Proxies (addresses or CIDR ranges, or *) whose Forwarded and X-Forwarded-* headers are trusted.")
        List<String> forwardedAllowIps,

        @Setting(name = "access-log", defaultValue = "combined", help = "Access log format: combined, json or off.")
        AccessLogFormat accessLog,

        @Setting(
                name = "access-log-file",
                defaultValue = "-",
                help = "Access log destination: a file path, or - for standard output.")
        String accessLogFile,

        @Setting(
                name = "dev",
                defaultValue = "false",
                help = "Development mode: error pages with stack traces, verbose logging.")
        boolean dev,

        @Setting(
                name = "reload",
                defaultValue = "false",
                help = "Reload the app in a fresh class loader when its classes or jars change (jgi serve only).")
        boolean reload,

        @Setting(
                name = "env-file",
                defaultValue = "",
                help =
                        "A .env file; its entries become system properties the app reads at start-up (existing ones win).")
        String envFile,

        @Setting(
                name = "static",
                defaultValue = "",
                repeatable = true,
                help = "Serve static files: URL_PREFIX=DIR; repeatable.")
        List<String> staticMounts,

        @Setting(
                name = "static-url",
                defaultValue = "",
                help =
                        "Absolute URL (a CDN or bucket) the app's asset URLs point below, where collect-static --to s3:// uploaded them.")
        String staticUrl,

        @Setting(
                name = "certfile",
                defaultValue = "",
                help = "PEM certificate chain, leaf first. With --keyfile every TCP bind speaks TLS 1.3/1.2 only.")
        String certFile,

        @Setting(
                name = "keyfile",
                defaultValue = "",
                help = "PEM private key of --certfile: PKCS#8, PKCS#1 (RSA) or SEC1 (EC), unencrypted.")
        String keyFile,

        @Setting(
                name = "http2",
                defaultValue = "true",
                help = "Offer HTTP/2 (h2) by ALPN on TLS binds, at most 100 concurrent streams per connection.")
        boolean http2,

        @Setting(
                name = "h2c",
                defaultValue = "false",
                help = "Also speak cleartext HTTP/2 on non-TLS binds (prior knowledge and Upgrade: h2c).")
        boolean h2c,

        @Setting(
                name = "h2-max-reset-rate",
                defaultValue = "100",
                help =
                        "Stream resets (RST_STREAM) per second one HTTP/2 connection may send, in bursts of as many; more gets GOAWAY ENHANCE_YOUR_CALM (rapid reset guard); 0 is off.")
        int h2MaxResetRate,

        @Setting(
                name = "h2-max-stream-rate",
                defaultValue = "10000",
                help =
                        "New streams per second one HTTP/2 connection may open, in bursts of as many; more gets GOAWAY ENHANCE_YOUR_CALM; 0 is off. Above what one busy client or proxy connection carries: resets have their own, lower limit.")
        int h2MaxStreamRate,

        @Setting(
                name = "ws-max-message-size",
                defaultValue = "1MiB",
                help =
                        "Largest incoming WebSocket message, fragments reassembled; larger closes the connection with 1009.")
        int wsMaxMessageSize,

        @Setting(
                name = "ws-idle-timeout",
                defaultValue = "300s",
                help =
                        "How long a WebSocket connection may carry no frame either way (a ping counts) before it is dropped; also bounds an unfinished fragmented message; 0 is off.")
        Duration wsIdleTimeout,

        @Setting(
                name = "client-auth",
                defaultValue = "none",
                help =
                        "TLS client certificates: none, want (ask; the app sees them when sent) or need (refuse clients without one).")
        ClientAuth clientAuth,

        @Setting(
                name = "client-ca",
                defaultValue = "",
                help =
                        "PEM certificates of the authorities client certificates must chain to; needed when --client-auth is not none.")
        String clientCa,

        @Setting(
                name = "admin-bind",
                defaultValue = "",
                help =
                        "Admin listener (/livez, /readyz, /metrics, status page at /): PORT (on 127.0.0.1) or HOST:PORT; off when empty. Never serves the app.")
        String adminBind,

        @Setting(
                name = "admin-token",
                defaultValue = "",
                help =
                        "Secret the admin listener asks for (Bearer, or Basic with any user), except on /livez and /readyz; needed for a non-loopback admin-bind.")
        String adminToken,

        @Setting(
                name = "admin-token-file",
                defaultValue = "",
                help = "File whose first line is the admin token; keeps it out of the process list.")
        String adminTokenFile,

        @Setting(
                name = "log-format",
                defaultValue = "plain",
                help =
                        "Server log lines on standard error: plain or json (one object per line). The app's java.util.logging and SLF4J go there too.")
        LogFormat logFormat,

        @Setting(
                name = "log-level",
                defaultValue = "info",
                help = "Least severe server log level written: debug, info, warn or error (--dev implies debug).")
        LogLevel logLevel) {

    /** How a sync application's {@code handle} runs [JGI-APP-2]. */
    public enum ThreadModel {
        /** A new virtual thread per request. */
        VIRTUAL,
        /** A fixed pool of platform threads; requests queue when all are busy. */
        PLATFORM
    }

    /** Whether a TLS handshake asks the client for a certificate. */
    public enum ClientAuth {
        /** Not asked. */
        NONE,
        /** Asked; a client without one is served too. */
        WANT,
        /** Required; the handshake fails without one. */
        NEED
    }

    /** How the server log writes a line. */
    public enum LogFormat {
        /** {@code TIME LEVEL [REQUEST-ID trace=TRACE-ID] LOGGER: MESSAGE}. */
        PLAIN,
        /** One JSON object per line: time, level, logger, message, request_id, trace_id, error. */
        JSON
    }

    /** Server log levels, least severe first. */
    public enum LogLevel {
        DEBUG,
        INFO,
        WARN,
        ERROR
    }

    /** What the access log writes per request. */
    public enum AccessLogFormat {
        /** Apache combined format, plus duration in ms and the request id. */
        COMBINED,
        /** One JSON object per line. */
        JSON,
        /** No access log. */
        OFF
    }

    public ServerConfig {
        binds = List.copyOf(binds);
        forwardedAllowIps = List.copyOf(forwardedAllowIps);
        staticMounts = List.copyOf(staticMounts);
        if (!staticUrl.isEmpty()) {
            new dev.jgi.assets.BaseUrl(staticUrl);
        }
        new dev.jgi.api.RequestTarget("", "", rootPath, "/", java.util.Optional.empty());
        requirePositive("platform-threads", platformThreads);
        requireAtLeast("io-threads", ioThreads, 0);
        requireAtLeast("max-concurrent", maxConcurrent, 0);
        requireAtLeast("max-connections", maxConnections, 0);
        requirePositive("max-request-line", maxRequestLine);
        requirePositive("max-header-count", maxHeaderCount);
        requirePositive("max-field-size", maxFieldSize);
        requirePositive("max-header-size", maxHeaderSize);
        requireAtLeast("max-body-size", maxBodySize, 0);
        for (Duration d : List.of(
                requestDeadline,
                gracefulTimeout,
                drainDelay,
                keepAliveTimeout,
                headerReadTimeout,
                bodyReadTimeout,
                writeTimeout,
                wsIdleTimeout)) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative: " + d);
            }
        }
        try {
            SocketFileAccess.of(unixSocketMode, unixSocketGroup);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unix-socket-mode: " + e.getMessage(), e);
        }
        if (binds.isEmpty()) {
            throw new IllegalArgumentException("bind: at least one address is needed");
        }
        if (certFile.isEmpty() != keyFile.isEmpty()) {
            throw new IllegalArgumentException("certfile and keyfile go together: give both or neither");
        }
        requirePositive("ws-max-message-size", wsMaxMessageSize);
        requireAtLeast("h2-max-reset-rate", h2MaxResetRate, 0);
        requireAtLeast("min-body-rate", minBodyRate, 0);
        requireAtLeast("h2-max-stream-rate", h2MaxStreamRate, 0);
        if (clientAuth != ClientAuth.NONE && (clientCa.isEmpty() || certFile.isEmpty())) {
            throw new IllegalArgumentException("client-auth "
                    + clientAuth.name().toLowerCase(java.util.Locale.ROOT) + " needs certfile, keyfile and client-ca");
        }
    }

    /** Every setting at its declared default. */
    public static ServerConfig defaults() {
        Map<String, String> none = Map.of();
        return fromText(none);
    }

    /**
     * A config from settings in text form, keyed by {@link Setting#name()}; absent keys take their
     * default.
     *
     * @throws IllegalArgumentException naming the key, for an unknown key or a value that does not parse
     */
    public static ServerConfig fromText(Map<String, String> values) {
        return SettingTable.parse(values);
    }

    /** This config in text form, keyed by setting name, in declaration order: what --print-config shows. */
    public Map<String, String> toText() {
        return SettingTable.format(this);
    }

    /**
     * {@link #toText()} with secrets replaced by {@code (set, hidden)}: what {@code --print-config}
     * and the status page show.
     */
    public Map<String, String> toShownText() {
        Map<String, String> shown = toText();
        shown.computeIfPresent("admin-token", (key, value) -> value.isEmpty() ? value : "(set, hidden)");
        return shown;
    }

    /** The declared settings, in order: the source of --help. */
    public static List<Setting> settings() {
        return SettingTable.settings();
    }

    private static void requirePositive(String name, long value) {
        requireAtLeast(name, value, 1);
    }

    private static void requireAtLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
        }
    }
}
