package dev.jgi.bench.raw;

import dev.jgi.bench.VariantOptions;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Raw Undertow, the baseline JGI's reference server is measured against, in one of five modes.
 *
 * <ul>
 *   <li>{@code io}: the answer is written on the IO thread (Undertow's fastest path);</li>
 *   <li>{@code memory}: as {@code io}, and the files of {@code --static DIR} are read into memory at
 *       start and written from there ({@link MemoryFiles}), instead of by the {@link ResourceHandler};</li>
 *   <li>{@code worker}: Undertow's own blocking mode, its worker pool with blocking streams;</li>
 *   <li>{@code vthread}: a new virtual thread per request runs the work, and hands the write back to
 *       the IO thread (the fastest virtual-thread dispatch measured);</li>
 *   <li>{@code vthread-direct}: a new virtual thread per request runs the work and writes the
 *       response itself with Undertow's blocking streams (the naive virtual-thread dispatch).</li>
 * </ul>
 * With {@code --static DIR}, {@code /static/} is served by Undertow's own {@link ResourceHandler}
 * on its defaults (in {@code memory} mode, from memory): the static-file baselines. {@code /ws} is
 * a WebSocket echo in every mode. With {@code --tls DIR} the listener speaks TLS and offers HTTP/2
 * by ALPN: the HTTP/2 baseline.
 */
public final class RawUndertow {
    private RawUndertow() {}

    public static void main(String[] args) throws GeneralSecurityException, IOException {
        VariantOptions options = VariantOptions.parse(args);
        HttpHandler app = switch (options.mode()) {
            case "io", "memory" -> new IoThreadHandler();
            case "worker" -> new BlockingHandler(new WorkerHandler());
            case "vthread" -> new VirtualThreadHandler();
            case "vthread-direct" -> new DirectVirtualThreadHandler();
            default -> throw new IllegalArgumentException("mode must be io, memory, worker, vthread or vthread-direct");
        };
        var routes = Handlers.path(app).addPrefixPath("/ws", Handlers.websocket(new EchoSocket()));
        options.staticDir()
                .ifPresent(dir -> routes.addPrefixPath(
                        "/static",
                        options.mode().equals("memory")
                                ? new MemoryFiles(dir)
                                : new ResourceHandler(new PathResourceManager(dir))));
        var builder = Undertow.builder().setHandler(routes);
        if (options.tlsDir().isPresent()) {
            builder.addHttpsListener(
                            options.port(), "127.0.0.1", tls(options.tlsDir().get()))
                    .setServerOption(UndertowOptions.ENABLE_HTTP2, true);
        } else {
            builder.addHttpListener(options.port(), "127.0.0.1");
        }
        builder.build().start();
        options.announce("raw-undertow");
    }

    private static SSLContext tls(Path dir) throws GeneralSecurityException, IOException {
        var keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(dir.resolve("keystore.p12"))) {
            keys.load(in, VariantOptions.KEYSTORE_PASSWORD);
        }
        var managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, VariantOptions.KEYSTORE_PASSWORD);
        var context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }
}
