package dev.jgi.server.runtime;

import dev.jgi.assets.AppJar;
import dev.jgi.assets.StaticMount;
import dev.jgi.assets.index.AssetIndex;
import dev.jgi.assets.index.AssetSource;
import dev.jgi.assets.index.IndexOptions;
import dev.jgi.assets.undertow.StaticHandler;
import dev.jgi.server.ServerConfig;
import dev.jgi.server.log.ServerLog;
import io.undertow.server.HttpHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Static files in front of the app: each {@code --static URL_PREFIX=DIR}, and the {@code static/}
 * folder of an app jar at the prefix its manifest names ({@code JGI-Static-Prefix}, default
 * {@code /static}). Requests under a prefix that name no file fall through to the app.
 */
final class StaticFront {

    private StaticFront() {
    }

    /** @throws IllegalArgumentException for a malformed --static value or a missing directory */
    static UnaryOperator<HttpHandler> wrapper(ServerConfig config, Path appJar) {
        IndexOptions options = IndexOptions.defaults().withDevMode(config.dev());
        List<StaticMount> mounts = config.staticMounts().stream().map(StaticMount::parse).toList();
        return next -> {
            HttpHandler handler = next;
            try {
                if (appJar != null) {
                    AppJar jar = AppJar.read(appJar);
                    AssetIndex index = AssetIndex.build(List.of(new AssetSource.JarStatic(appJar)), options);
                    if (index.size() > 0) {
                        handler = new StaticHandler(jar.staticPrefix(), index, handler);
                        ServerLog.info("serving " + index.size() + " static files of " + appJar.getFileName() + " at " + jar.staticPrefix());
                    }
                }
                List<StaticMount> reversed = new ArrayList<>(mounts);
                java.util.Collections.reverse(reversed);
                for (StaticMount mount : reversed) {
                    AssetIndex index = AssetIndex.build(List.of(new AssetSource.Directory(mount.directory())), options);
                    handler = new StaticHandler(mount.prefix(), index, handler);
                    ServerLog.info("serving " + index.size() + " static files of " + mount.directory() + " at " + mount.prefix());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("static files: " + e.getMessage(), e);
            }
            return handler;
        };
    }
}
