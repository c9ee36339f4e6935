package dev.jgi.server.runtime;

import dev.jgi.assets.AppJar;
import dev.jgi.assets.StaticMount;
import dev.jgi.assets.StaticUrls;
import dev.jgi.assets.UrlPrefix;
import dev.jgi.assets.index.AssetIndex;
import dev.jgi.assets.index.AssetSource;
import dev.jgi.assets.index.IndexOptions;
import dev.jgi.assets.undertow.Cork;
import dev.jgi.assets.undertow.StaticHandler;
import dev.jgi.server.ServerConfig;
import dev.jgi.server.http.GatewayHandler;
import dev.jgi.server.http.TcpCork;
import dev.jgi.server.log.ServerLog;
import dev.jgi.server.observe.ServerObserver;
import io.undertow.server.HttpHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Static files in front of the app: each {@code --static URL_PREFIX=DIR}, and the {@code static/}
 * folder of an app jar at the prefix its manifest names ({@code JGI-Static-Prefix}, default
 * {@code /static}), both below {@code --root-path} like the app itself ({@code /blog/static} under
 * {@code /blog}). A request under a prefix that names no file gets 404 from the static handler and
 * never reaches the app.
 *
 * <p>The indexes are built before the application starts, so that the hashed URLs of the jar's
 * assets, at the prefix they are served at, are published ({@link StaticUrls#publish}) by the time the
 * app's start reads them; so is {@code --static-url}, when set, which points the app's asset URLs at a
 * CDN or bucket instead.
 */
final class StaticFront implements AutoCloseable {

    /** One indexed tree at its URL prefix. */
    private record Mount(UrlPrefix prefix, AssetIndex index, String source) {}

    private final List<Mount> mounts;
    private final Path publishedManifest;

    private StaticFront(List<Mount> mounts, Path publishedManifest) {
        this.mounts = mounts;
        this.publishedManifest = publishedManifest;
    }

    /**
     * Indexes every static source and publishes the app jar's manifest.
     *
     * @throws IllegalArgumentException for a malformed --static value or a missing directory
     */
    static StaticFront open(ServerConfig config, Path appJar) throws IOException {
        IndexOptions options = IndexOptions.defaults().withDevMode(config.dev());
        List<Mount> mounts = new ArrayList<>();
        Path published = null;
        try {
            if (!config.staticUrl().isEmpty()) {
                System.setProperty(StaticUrls.URL_PROPERTY, config.staticUrl());
                ServerLog.info("asset URLs point below " + config.staticUrl());
            }
            if (appJar != null) {
                AppJar jar = AppJar.read(appJar);
                AssetIndex index = AssetIndex.build(List.of(new AssetSource.JarStatic(appJar)), options);
                if (index.size() > 0) {
                    UrlPrefix prefix = underRoot(config, jar.staticPrefix());
                    mounts.add(new Mount(prefix, index, appJar.getFileName().toString()));
                    published = StaticUrls.publish(
                            index.manifest(prefix), Files.createTempFile("jgi-staticfiles-", ".json"));
                } else {
                    index.close();
                }
            }
            for (String value : config.staticMounts()) {
                StaticMount mount = StaticMount.parse(value);
                AssetIndex index = AssetIndex.build(List.of(new AssetSource.Directory(mount.directory())), options);
                mounts.add(new Mount(
                        underRoot(config, mount.prefix()),
                        index,
                        mount.directory().toString()));
            }
        } catch (IOException | RuntimeException e) {
            mounts.forEach(mount -> mount.index().close());
            throw e;
        }
        return new StaticFront(List.copyOf(mounts), published);
    }

    /** Where a prefix is served: below the root path, as every request the server answers is. */
    private static UrlPrefix underRoot(ServerConfig config, UrlPrefix prefix) {
        return config.rootPath().isEmpty() ? prefix : new UrlPrefix(config.rootPath() + prefix.value());
    }

    /**
     * {@code gateway} behind one static handler per mount; the first mount is asked first. A request
     * under a mount's prefix passes the gateway's head checks first ({@link StaticGate}). An active
     * observer is told of each request a static handler answered.
     */
    HttpHandler wrap(GatewayHandler gateway, ServerObserver observer) {
        if (mounts.isEmpty()) {
            return gateway;
        }
        boolean observed = observer.active();
        HttpHandler app = observed ? StaticObservation.passedOn(gateway) : gateway;
        HttpHandler handler = app;
        Cork cork = TcpCork.forThisJvm();
        for (int i = mounts.size() - 1; i >= 0; i--) {
            Mount mount = mounts.get(i);
            handler = new StaticHandler(mount.prefix(), mount.index(), handler, cork);
            ServerLog.info(
                    "serving " + mount.index().size() + " static files of " + mount.source() + " at " + mount.prefix());
        }
        HttpHandler gated = new StaticGate(
                mounts.stream().map(mount -> mount.prefix().value()).toList(), gateway::refuses, handler, app);
        return observed ? StaticObservation.observing(gated, observer) : gated;
    }

    @Override
    public void close() {
        mounts.forEach(mount -> mount.index().close());
        if (publishedManifest != null) {
            try {
                Files.deleteIfExists(publishedManifest);
            } catch (IOException e) {
                ServerLog.warn(null, "could not delete " + publishedManifest + ": " + e.getMessage());
            }
        }
    }
}
