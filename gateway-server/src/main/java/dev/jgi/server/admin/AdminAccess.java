package dev.jgi.server.admin;

import dev.jgi.server.runtime.BindAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the admin listener binds and who may use it, from {@code --admin-bind},
 * {@code --admin-token} and {@code --admin-token-file}. Without a token it binds to loopback
 * addresses only: anything that can reach it could read the in-flight requests' paths and dump
 * threads.
 *
 * @param address where to listen
 * @param token   the secret a request must present, or empty when none is set
 */
public record AdminAccess(InetSocketAddress address, Optional<String> token) {

    /**
     * The admin access a config asks for, or empty when {@code bind} is empty (no admin listener).
     *
     * @param bind      {@code PORT} (loopback), {@code HOST:PORT} or {@code [IPv6]:PORT}
     * @param token     the token itself, or empty
     * @param tokenFile a file holding the token on its first line, or empty
     * @throws IllegalArgumentException naming the option, for a bad address, an unreadable or empty
     *     token file, both token options at once, or a non-loopback address without a token
     */
    public static Optional<AdminAccess> of(String bind, String token, String tokenFile) {
        if (bind.isEmpty()) {
            return Optional.empty();
        }
        if (!token.isEmpty() && !tokenFile.isEmpty()) {
            throw new IllegalArgumentException("admin-token and admin-token-file exclude each other: give one");
        }
        String secret = token.isEmpty() && !tokenFile.isEmpty() ? read(tokenFile) : token;
        String spec = bind.matches("\\d+") ? "127.0.0.1:" + bind : bind;
        InetSocketAddress address;
        try {
            address = BindAddress.parse(spec).socketAddress();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("admin-bind: " + e.getMessage(), e);
        }
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("admin-bind: cannot resolve " + address.getHostString());
        }
        if (secret.isEmpty() && !address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("admin-bind " + bind
                    + " is not a loopback address: set admin-token or admin-token-file, or bind to 127.0.0.1");
        }
        return Optional.of(new AdminAccess(address, secret.isEmpty() ? Optional.empty() : Optional.of(secret)));
    }

    private static String read(String file) {
        try {
            String first = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
                    .findFirst()
                    .orElse("")
                    .strip();
            if (first.isEmpty()) {
                throw new IllegalArgumentException("admin-token-file " + file + " is empty");
            }
            return first;
        } catch (IOException e) {
            throw new IllegalArgumentException("admin-token-file " + file + ": cannot read it (" + e + ")", e);
        }
    }

    /**
     * Whether an {@code Authorization} field value presents the token: {@code Bearer TOKEN}, or HTTP
     * Basic with the token as password (any user name), so that a browser's login prompt works.
     * Always true without a token. Compared in constant time.
     */
    public boolean admits(String authorization) {
        if (token.isEmpty()) {
            return true;
        }
        if (authorization == null) {
            return false;
        }
        String presented;
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).strip();
        } else if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                presented = colon < 0 ? "" : pair.substring(colon + 1);
            } catch (IllegalArgumentException badBase64) {
                return false;
            }
        } else {
            return false;
        }
        return MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8));
    }
}
