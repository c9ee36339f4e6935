package dev.jgi.server.runtime;

import java.net.InetSocketAddress;

/**
 * One {@code --bind} value: {@code HOST:PORT}, {@code [IPv6]:PORT}, or {@code :PORT} for every
 * interface.
 */
public record BindAddress(String host, int port) {

    public BindAddress {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("bind: port out of range: " + port);
        }
    }

    /**
     * Reads a {@code --bind} value.
     *
     * @throws IllegalArgumentException naming the value, for anything but HOST:PORT
     */
    public static BindAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("bind: expected HOST:PORT, got '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new BindAddress(host.isEmpty() ? "0.0.0.0" : host, Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bind: expected HOST:PORT, got '" + text + "'", e);
        }
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
