package dev.jgi.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line every Java variant accepts: {@code --port N [--mode NAME] [--static DIR] [--tls DIR]}.
 *
 * @param port   loopback port to listen on
 * @param mode   variant-specific mode (for raw Undertow: {@code io}, {@code worker}, {@code vthread}, {@code vthread-direct})
 * @param staticDir directory served under {@code /static/}, if the variant serves files
 * @param tlsDir directory holding {@code cert.pem}, {@code key.pem} and the same pair as
 *     {@code keystore.p12} (password {@code bench}): the variant then speaks TLS, with HTTP/2 by ALPN
 */
public record VariantOptions(int port, String mode, Optional<Path> staticDir, Optional<Path> tlsDir) {

    /** The password of {@code keystore.p12} in {@link #tlsDir}. */
    public static final char[] KEYSTORE_PASSWORD = "bench".toCharArray();

    public static VariantOptions parse(String[] args) {
        int port = -1;
        String mode = "";
        Path staticDir = null;
        Path tlsDir = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--mode" -> mode = args[i + 1];
                case "--static" -> staticDir = Path.of(args[i + 1]);
                case "--tls" -> tlsDir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (port < 0 || args.length % 2 != 0) {
            throw new IllegalArgumentException("usage: --port N [--mode NAME] [--static DIR] [--tls DIR]");
        }
        return new VariantOptions(port, mode, Optional.ofNullable(staticDir), Optional.ofNullable(tlsDir));
    }

    /** The line bench/run waits for before it sends the first request. */
    public void announce(String variant) {
        System.out.println("READY " + variant + " mode=" + mode + " port=" + port);
    }
}
