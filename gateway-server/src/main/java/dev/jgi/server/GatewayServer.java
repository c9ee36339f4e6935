package dev.jgi.server;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Lifespan;
import dev.jgi.api.ServerInfo;
import dev.jgi.server.runtime.LifespanFailure;
import dev.jgi.server.runtime.ServerRuntime;
import dev.jgi.server.runtime.SettingText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference server, embedded: one application on Undertow.
 *
 * {@snippet :
 * GatewayServer server = GatewayServer.builder(app).bind("127.0.0.1", 0).build();
 * server.start();                 // runs the app's lifespan start, then listens
 * int port = server.port();       // the first bind's actual port
 * server.close();                 // graceful: stops accepting, finishes in-flight requests, stops the app
 * }
 */
public final class GatewayServer implements AutoCloseable {

    private final Lifespan app;
    private final ServerRuntime runtime;

    private GatewayServer(Lifespan app, ServerConfig config) {
        this.app = app;
        this.runtime = new ServerRuntime(config);
    }

    /** A builder for a sync application, run on a virtual thread per request by default [JGI-APP-2]. */
    public static Builder builder(Application app) {
        return new Builder(java.util.Objects.requireNonNull(app));
    }

    /**
     * A builder for an async application, run on the I/O threads. A name of its own, not an
     * overload of {@link #builder}, so that a lambda needs no cast.
     */
    public static Builder builderAsync(AsyncApplication app) {
        return new Builder(java.util.Objects.requireNonNull(app));
    }

    /**
     * Runs the application's lifespan start, then binds every address [JGI-LIFE-2].
     *
     * @throws IllegalStateException with the application's own message when its start threw
     *     [JGI-LIFE-3]; the application is not stopped then [JGI-LIFE-6]
     * @throws UncheckedIOException  when an address cannot be bound
     */
    public void start() {
        try {
            runtime.start(app, app.getClass().getName());
        } catch (LifespanFailure failure) {
            throw new IllegalStateException(failure.getMessage(), failure.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen: " + e.getMessage(), e);
        }
    }

    /** The actual port of the first bind (useful after binding port 0). */
    public int port() {
        return addresses().getFirst().getPort();
    }

    /** Every bound address, in the order of the binds. */
    public List<InetSocketAddress> addresses() {
        List<InetSocketAddress> bound = runtime.addresses();
        if (bound.isEmpty()) {
            throw new IllegalStateException("the server is not listening; call start() first");
        }
        return bound;
    }

    /** What the server told the application at start-up [JGI-CAP-1]. */
    public ServerInfo info() {
        return runtime.info();
    }

    public ServerConfig config() {
        return runtime.config();
    }

    /** The admin listener's address with its actual port, when {@code admin-bind} is set. */
    public java.util.Optional<InetSocketAddress> adminAddress() {
        return runtime.adminAddress();
    }

    /**
     * Loads the TLS certificate and key files again: new handshakes present the new pair, open
     * connections keep theirs. The files are also checked for changes every few seconds.
     *
     * @return false without TLS, or when the new pair does not load (the old one stays)
     */
    public boolean reloadCertificates() {
        return runtime.reloadCertificates();
    }

    /** Whether the server takes traffic, as the admin listener's {@code /readyz} says. */
    public boolean ready() {
        return runtime.ready();
    }

    /**
     * Shuts down gracefully: stops accepting, closes idle connections, lets in-flight requests finish
     * up to the graceful timeout, then runs the application's lifespan stop once [JGI-LIFE-5].
     */
    @Override
    public void close() {
        runtime.close();
    }

    /** Settings for one server; every method sets the {@link ServerConfig} component of the same name. */
    public static final class Builder {
        private final Lifespan app;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final List<String> binds = new ArrayList<>();

        private Builder(Lifespan app) {
            this.app = app;
        }

        /** Starts from a whole config; later calls override its values. */
        public Builder config(ServerConfig config) {
            settings.putAll(config.toText());
            binds.clear();
            return this;
        }

        /** Adds an address to listen on; port 0 picks a free port. The first call replaces the default. */
        public Builder bind(String host, int port) {
            binds.add(new dev.jgi.server.runtime.BindAddress(host, port).toString());
            return this;
        }

        /** The mount prefix, such as {@code /app}; default none [JGI-PATH-1]. */
        public Builder mountPath(String prefix) {
            return set("root-path", prefix);
        }

        public Builder threads(ServerConfig.ThreadModel model) {
            return set("threads", model);
        }

        public Builder platformThreads(int threads) {
            return set("platform-threads", threads);
        }

        public Builder ioThreads(int threads) {
            return set("io-threads", threads);
        }

        public Builder maxConcurrent(int requests) {
            return set("max-concurrent", requests);
        }

        public Builder requestDeadline(Duration deadline) {
            return set("request-deadline", deadline);
        }

        public Builder gracefulTimeout(Duration timeout) {
            return set("graceful-timeout", timeout);
        }

        public Builder drainDelay(Duration delay) {
            return set("drain-delay", delay);
        }

        public Builder keepAliveTimeout(Duration timeout) {
            return set("keep-alive-timeout", timeout);
        }

        public Builder headerReadTimeout(Duration timeout) {
            return set("header-read-timeout", timeout);
        }

        public Builder maxRequestLine(int bytes) {
            return set("max-request-line", bytes);
        }

        public Builder maxHeaderCount(int fields) {
            return set("max-header-count", fields);
        }

        public Builder maxFieldSize(int bytes) {
            return set("max-field-size", bytes);
        }

        public Builder maxHeaderSize(int bytes) {
            return set("max-header-size", bytes);
        }

        public Builder maxBodySize(long bytes) {
            return set("max-body-size", bytes);
        }

        public Builder forwardedAllowIps(List<String> proxies) {
            return set("forwarded-allow-ips", proxies);
        }

        public Builder accessLog(ServerConfig.AccessLogFormat format) {
            return set("access-log", format);
        }

        public Builder accessLogFile(String file) {
            return set("access-log-file", file);
        }

        public Builder dev(boolean on) {
            return set("dev", on);
        }

        public Builder envFile(String file) {
            return set("env-file", file);
        }

        /**
         * Adds a Unix domain socket to listen on; a stale socket file is replaced, and the file is
         * removed on close. The application sees Unix socket addresses as client and server.
         */
        public Builder bindUnix(java.nio.file.Path socket) {
            binds.add("unix:" + socket);
            return this;
        }

        /**
         * The permissions ({@code 660} by default) and group (the server's own by default) of
         * {@link #bindUnix} socket files, so that a proxy running as another user can connect.
         */
        public Builder unixSocketAccess(String mode, String group) {
            set("unix-socket-mode", mode);
            return set("unix-socket-group", group);
        }

        /** Speaks TLS on every TCP bind, with a PEM certificate chain and its key [JGI-TLS-1]. */
        public Builder tls(java.nio.file.Path certFile, java.nio.file.Path keyFile) {
            set("certfile", certFile.toString());
            return set("keyfile", keyFile.toString());
        }

        /**
         * Asks TLS clients for a certificate that chains to one in {@code caFile}; the application
         * sees it in {@code Request.tls()} [JGI-TLS-2].
         */
        public Builder clientAuth(ServerConfig.ClientAuth mode, java.nio.file.Path caFile) {
            set("client-ca", caFile.toString());
            return set("client-auth", mode);
        }

        /** Whether TLS binds offer HTTP/2 by ALPN; default on [JGI-H2-2]. */
        public Builder http2(boolean on) {
            return set("http2", on);
        }

        /** Whether cleartext binds speak HTTP/2 too (prior knowledge and Upgrade); default off. */
        public Builder h2c(boolean on) {
            return set("h2c", on);
        }

        /** The largest incoming WebSocket message; default 1 MiB [JGI-WS-9]. */
        public Builder wsMaxMessageSize(int bytes) {
            return set("ws-max-message-size", bytes);
        }

        /**
         * Starts the admin listener (probes, metrics, status page): {@code PORT} on loopback, or
         * {@code HOST:PORT}; port 0 picks a free port. A non-loopback host needs {@link #adminToken}.
         */
        public Builder adminBind(String address) {
            return set("admin-bind", address);
        }

        /** The secret the admin listener asks for, except on {@code /livez} and {@code /readyz}. */
        public Builder adminToken(String token) {
            return set("admin-token", token);
        }

        /** Serves the files under {@code directory} at {@code urlPrefix}; repeatable. */
        public Builder staticMount(String urlPrefix, String directory) {
            String existing = settings.getOrDefault("static", "");
            return set(
                    "static",
                    existing.isEmpty() ? urlPrefix + "=" + directory : existing + "," + urlPrefix + "=" + directory);
        }

        private Builder set(String name, Object value) {
            settings.put(name, SettingText.format(value));
            return this;
        }

        /**
         * Checks the settings and makes the server, not yet started.
         *
         * @throws IllegalArgumentException naming the setting, for an invalid value
         */
        public GatewayServer build() {
            Map<String, String> all = new LinkedHashMap<>(settings);
            if (!binds.isEmpty()) {
                all.put("bind", String.join(",", binds));
            }
            return new GatewayServer(app, ServerConfig.fromText(all));
        }
    }
}
