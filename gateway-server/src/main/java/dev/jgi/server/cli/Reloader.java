package dev.jgi.server.cli;

import dev.jgi.server.log.ServerLog;
import dev.jgi.server.runtime.LifespanFailure;
import dev.jgi.server.runtime.ServerRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code --reload}: polls the app's jars and class folders, and on a change loads the app again in
 * a fresh class loader and swaps it in. Requests already running finish on the old app, which is
 * stopped after the last of them; if the new app fails to load or start, the old one keeps serving.
 * Polling (every 500 ms) is used rather than a WatchService so that jars replaced by a build tool
 * and nested class folders are seen the same way on every platform.
 */
final class Reloader implements Runnable {

    private static final long INTERVAL_MILLIS = 500;

    private final AppLoader loader;
    private final ServerRuntime runtime;
    private Map<Path, FileTime> seen;
    private AppLoader.Loaded current;

    Reloader(AppLoader loader, ServerRuntime runtime, AppLoader.Loaded current) {
        this.loader = loader;
        this.runtime = runtime;
        this.current = current;
        this.seen = snapshot(loader.sources());
    }

    void start() {
        Thread.ofPlatform().daemon().name("jgi-reload").start(this);
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Map<Path, FileTime> now = snapshot(loader.sources());
            if (now.equals(seen)) {
                continue;
            }
            seen = now;
            reload();
        }
    }

    private void reload() {
        try {
            AppLoader.Loaded next = loader.load();
            runtime.replaceApp(next.app(), next.name());
            AppLoader.Loaded previous = current;
            current = next;
            ServerLog.info(
                    "reloaded " + next.name() + " after a change; in-flight requests finish on the previous version");
            closeLater(previous);
        } catch (LifespanFailure failure) {
            ServerLog.warn(
                    null,
                    "reload failed, the previous version keeps serving: the app failed to start: "
                            + failure.getMessage());
        } catch (IOException | RuntimeException | LinkageError failure) {
            ServerLog.warn(null, "reload failed, the previous version keeps serving: " + failure);
        }
    }

    /** The old class loader is closed once its app was stopped, so its jars are released. */
    private void closeLater(AppLoader.Loaded previous) {
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(runtime.config().gracefulTimeout().toMillis() + 1000);
                previous.loader().close();
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static Map<Path, FileTime> snapshot(List<Path> sources) {
        Map<Path, FileTime> times = new HashMap<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    files.filter(Files::isRegularFile).forEach(file -> times.put(file, modified(file)));
                } catch (IOException | java.io.UncheckedIOException e) {
                    times.put(source, FileTime.fromMillis(-1));
                }
            } else {
                times.put(source, modified(source));
            }
        }
        return times;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(-1);
        }
    }
}
