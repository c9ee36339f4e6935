package dev.jgi.server.cli;

import dev.jgi.server.ServerConfig;
import dev.jgi.server.runtime.ServerRuntime;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.List;

/** The start-up lines: the app, where it listens, how it runs, and every effective limit. */
final class Banner {

    private Banner() {}

    static void print(PrintStream out, ServerRuntime runtime, String app, boolean async) {
        ServerConfig c = runtime.config();
        out.println(ServerRuntime.NAME + " " + ServerRuntime.VERSION + " (JGI "
                + runtime.info().specVersion() + ") serving " + app
                + (async ? " (async, on the I/O threads)" : " (sync, " + threads(c) + ")"));
        List<InetSocketAddress> addresses = runtime.addresses();
        for (InetSocketAddress address : addresses) {
            String host = address.getAddress().getHostAddress();
            out.println("  listening on " + (c.certFile().isEmpty() ? "http://" : "https://")
                    + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort()
                    + (c.rootPath().isEmpty() ? "" : c.rootPath()));
        }
        c.binds().stream()
                .filter(bind -> bind.startsWith("unix:"))
                .forEach(bind -> out.println("  listening on " + bind));
        c.binds().stream()
                .filter(bind -> bind.startsWith("fd:"))
                .forEach(bind -> out.println("  (socket activation: " + bind + ", inherited)"));
        runtime.adminAddress()
                .ifPresent(admin -> out.println("  admin: status page http://"
                        + (admin.getAddress() instanceof java.net.Inet6Address
                                ? "[" + admin.getAddress().getHostAddress() + "]"
                                : admin.getAddress().getHostAddress())
                        + ":" + admin.getPort() + "/ (/livez, /readyz, /metrics)"));
        out.println("  capabilities: " + runtime.info().capabilities());
        out.println("  limits: request line " + c.maxRequestLine() + " B (414), header fields " + c.maxHeaderCount()
                + " (431), field " + c.maxFieldSize() + " B (431), head " + c.maxHeaderSize() + " B (431), body "
                + (c.maxBodySize() == 0 ? "unlimited" : c.maxBodySize() + " B (413)")
                + ", WebSocket message " + c.wsMaxMessageSize() + " B (1009)");
        out.println("  timeouts: header read " + seconds(c.headerReadTimeout()) + " (408), keep-alive "
                + seconds(c.keepAliveTimeout())
                + ", graceful " + seconds(c.gracefulTimeout()) + ", request deadline "
                + (c.requestDeadline().isZero() ? "off" : seconds(c.requestDeadline()) + " (503)"));
        out.println("  in-flight cap: " + (c.maxConcurrent() == 0 ? "off" : c.maxConcurrent() + " (503 + retry-after)")
                + "; connection cap: " + (c.maxConnections() == 0 ? "off" : c.maxConnections() + " per address")
                + "; forwarded headers trusted from: " + String.join(", ", c.forwardedAllowIps()));
        out.println("  access log: "
                + (c.accessLog() == ServerConfig.AccessLogFormat.OFF
                        ? "off"
                        : c.accessLog().name().toLowerCase(java.util.Locale.ROOT) + " to "
                                + (c.accessLogFile().equals("-") ? "stdout" : c.accessLogFile()))
                + (c.dev() ? "; development mode" : "") + (c.reload() ? "; reloading on change" : ""));
        out.flush();
    }

    private static String threads(ServerConfig c) {
        return c.threads() == ServerConfig.ThreadModel.VIRTUAL
                ? "a virtual thread per request"
                : "a pool of " + c.platformThreads() + " platform threads";
    }

    private static String seconds(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
