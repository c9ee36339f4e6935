package dev.jgi.server.cli;

import dev.jgi.server.ServerConfig;
import dev.jgi.server.log.ServerLog;
import dev.jgi.server.runtime.LifespanFailure;
import dev.jgi.server.runtime.ServerRuntime;
import dev.jgi.server.systemd.ServiceManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;

/** {@code jgi serve}: load the app, start the server, run until SIGTERM or SIGINT, shut down gracefully. */
final class Serve {

    private final PrintStream out;
    private final PrintStream err;

    Serve(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        ServeCommand.Parsed parsed;
        ServerConfig config;
        try {
            parsed = ServeCommand.parse(args);
            if (parsed.help()) {
                out.print(ServeCommand.usage());
                return 0;
            }
            Map<String, String> env = System.getenv();
            String file = parsed.config() != null ? parsed.config() : env.get("JGI_CONFIG");
            config = ServerConfig.fromText(
                    ConfigSources.merge(parsed.settings(), env, file == null ? null : Path.of(file)));
            dev.jgi.server.proxy.TrustedProxies.parse(config.forwardedAllowIps());
            config.binds().stream()
                    .filter(bind -> !bind.startsWith("unix:") && !bind.startsWith("fd:"))
                    .forEach(dev.jgi.server.runtime.BindAddress::parse);
        } catch (CommandLine.ParameterException | IllegalArgumentException | IOException e) {
            return usageError(e.getMessage());
        }
        if (parsed.printConfig()) {
            config.toShownText().forEach((key, value) -> out.println(key + " = " + value));
            return 0;
        }
        if (parsed.app() == null) {
            if (config.staticMounts().isEmpty()) {
                return usageError("missing APP (a class name, Class::factoryMethod or a jar), or --static"
                        + " URL_PREFIX=DIR to serve files only; see jgi serve --help");
            }
            if (config.reload()) {
                return usageError("--reload needs an APP to reload");
            }
            if (parsed.checkConfig()) {
                out.println("configuration OK; static files only");
                return 0;
            }
            return serve(config, null, new AppLoader.Loaded(new FilesOnly(), FilesOnly.NAME, null, List.of()), false);
        }
        ServerLog.configure(config.logFormat(), config.logLevel());
        ServerLog.verbose(config.dev());
        dev.jgi.server.log.JulBridge.install(config.dev() ? ServerConfig.LogLevel.DEBUG : config.logLevel());
        List<String> classpath = parsed.classpath() != null
                ? parsed.classpath()
                : System.getenv("JGI_CLASSPATH") == null
                        ? List.of()
                        : List.of(System.getenv("JGI_CLASSPATH").split(java.io.File.pathSeparator));
        AppLoader loader = new AppLoader(
                parsed.app(),
                classpath.stream().filter(s -> !s.isEmpty()).map(Path::of).toList());
        AppLoader.Loaded loaded;
        try {
            loaded = loader.load();
        } catch (IllegalArgumentException | IOException | LinkageError e) {
            return usageError("cannot load the app " + parsed.app() + ": " + e.getMessage());
        }
        boolean async = !(loaded.app() instanceof dev.jgi.api.Application);
        if (parsed.checkConfig()) {
            out.println("configuration OK; app " + loaded.name() + " (" + (async ? "async" : "sync") + ")");
            return 0;
        }
        return serve(config, loader, loaded, async);
    }

    /** @param loader where the app came from, or null when only static files are served */
    private int serve(ServerConfig config, AppLoader loader, AppLoader.Loaded loaded, boolean async) {
        ServerRuntime runtime = new ServerRuntime(config);
        if (loader != null && loader.jar() != null) {
            runtime.serveStaticOf(loader.jar());
        }
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTerminate(stop::countDown);
        ServiceManager systemd;
        try {
            systemd = ServiceManager.from(System.getenv());
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        }
        try {
            runtime.start(loaded.app(), loaded.name());
        } catch (LifespanFailure failure) {
            err.println("jgi: error: the app failed to start: " + failure.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("jgi: error: cannot start: " + e.getMessage());
            return 1;
        }
        // Before the banner: a supervisor (or a test) may send SIGHUP as soon as it reads "listening".
        Signals.onHangUp(runtime::reloadCertificates);
        Banner.print(err, runtime, loaded.name(), async);
        systemd.ready(() -> "serving; " + runtime.requestsInFlight() + " requests in flight");
        if (config.reload()) {
            new Reloader(loader, runtime, loaded).start();
        }
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ServerLog.info("shutting down: finishing in-flight requests (up to "
                + config.gracefulTimeout().toSeconds() + "s)");
        systemd.stopping("draining; " + runtime.requestsInFlight() + " requests in flight");
        runtime.close();
        systemd.close();
        ServerLog.info("stopped");
        return 0;
    }

    private int usageError(String message) {
        err.println("jgi: error: " + message);
        return Main.USAGE;
    }
}
