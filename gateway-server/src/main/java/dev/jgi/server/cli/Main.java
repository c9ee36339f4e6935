package dev.jgi.server.cli;

import dev.jgi.server.runtime.ServerRuntime;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The {@code jgi} command. Exit codes: 0 success (also after a graceful shutdown on SIGTERM or
 * SIGINT), 1 the app failed to start or the server could not listen, 2 a usage or configuration error.
 */
public final class Main {

    static final int USAGE = 2;
    /** Held so the level sticks (JUL keeps loggers weakly): XNIO's version banner is noise in jgi's output. */
    private static final java.util.logging.Logger XNIO = java.util.logging.Logger.getLogger("org.xnio");

    private Main() {}

    public static void main(String[] args) {
        XNIO.setLevel(java.util.logging.Level.WARNING);
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(usage());
            return args.length == 0 ? USAGE : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "--version", "-V", "version" -> {
                out.println("jgi " + ServerRuntime.VERSION + " (" + ServerRuntime.NAME + ", JGI "
                        + dev.jgi.api.ServerInfo.SPEC_VERSION + ", Undertow " + io.undertow.Version.getVersionString()
                        + ", Java " + Runtime.version() + ")");
                yield 0;
            }
            case "serve" -> new Serve(out, err).run(rest);
            case "manage" -> Manage.run(rest, err);
            case "collect-static" -> CollectStatic.run(rest, out, err);
            case "settings" -> SettingsReference.run(rest, out, err);
            default -> {
                err.println("jgi: error: unknown command '" + args[0] + "' (try jgi --help)");
                yield USAGE;
            }
        };
    }

    static String usage() {
        return """
                Usage: jgi COMMAND [OPTIONS]

                The JGI reference server.

                Commands:
                  serve APP            Serve a JGI application (jgi serve --help lists every option).
                  manage [--env-file FILE] APP.jar COMMAND [ARGS...]
                                       Run a management command of the app (its manifest's
                                       JGI-Manage class), such as migrate, configured as it is served.
                  collect-static APP... --to DIR|s3://BUCKET/PREFIX
                                       Copy the static files of app jars and folders into DIR, with
                                       content-hashed names, a manifest and precompressed variants,
                                       or upload them to an S3-compatible bucket, the manifest last.
                  settings             Print every setting of jgi serve as a Markdown reference: its
                                       option, default and environment variable.
                  --version            Print the version.
                  --help               Show this help.
                """;
    }
}
