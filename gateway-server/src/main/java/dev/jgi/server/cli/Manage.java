package dev.jgi.server.cli;

import dev.jgi.server.runtime.EnvFile;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code jgi manage [--env-file FILE] APP COMMAND [ARGS]}: runs an application's management
 * commands (migrations, creating users), the {@code manage.py} of JGI. The app jar names the class
 * that implements them in its manifest attribute {@value #ATTRIBUTE}; that class's
 * {@code public static void main(String[])} gets {@code COMMAND [ARGS]}, in the class loader
 * {@code jgi serve} would give the app, with the same {@code --env-file} applied, so a command sees
 * the configuration the served app sees. The command's own exit status is jgi's; a command that
 * throws gets one line on standard error and status 1.
 */
final class Manage {

    /** The manifest attribute naming the class whose {@code main} runs the commands. */
    static final String ATTRIBUTE = "JGI-Manage";

    static final String USAGE = "usage: jgi manage [--env-file FILE] APP.jar COMMAND [ARGS...]";

    private Manage() {}

    static int run(String[] args, PrintStream err) {
        int at = 0;
        String envFile = null;
        if (args.length > 1 && args[0].equals("--env-file")) {
            envFile = args[1];
            at = 2;
        }
        if (args.length - at < 2 || args[at].startsWith("-")) {
            err.println(USAGE);
            return Main.USAGE;
        }
        Path jar = Path.of(args[at]);
        List<String> command = Arrays.asList(args).subList(at + 1, args.length);
        try {
            if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
                err.println("jgi: error: " + jar + " is not an app jar; " + USAGE);
                return Main.USAGE;
            }
            String className = AppLoader.manifestAttribute(jar, ATTRIBUTE);
            if (className == null) {
                err.println("jgi: error: " + jar + " declares no management commands (manifest attribute " + ATTRIBUTE
                        + " naming a class with a main method)");
                return Main.USAGE;
            }
            if (envFile != null) {
                EnvFile.apply(EnvFile.read(Path.of(envFile)));
            }
            return invoke(jar, className, command, err);
        } catch (IOException | IllegalArgumentException e) {
            err.println("jgi: error: " + e.getMessage());
            return Main.USAGE;
        }
    }

    private static int invoke(Path jar, String className, List<String> command, PrintStream err) throws IOException {
        try (URLClassLoader loader = new AppLoader(jar.toString(), List.of()).classLoader()) {
            Method main;
            try {
                main = Class.forName(className, true, loader).getMethod("main", String[].class);
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                err.println("jgi: error: " + ATTRIBUTE + " of " + jar + " names " + className
                        + ", which is not a class with a public static main(String[]) in the jar");
                return Main.USAGE;
            }
            if (!Modifier.isStatic(main.getModifiers())) {
                err.println("jgi: error: " + className + ".main must be static");
                return Main.USAGE;
            }
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                main.invoke(null, (Object) command.toArray(String[]::new));
                return 0;
            } catch (InvocationTargetException e) {
                Throwable failure = e.getCause();
                err.println("jgi: error: " + String.join(" ", command) + " failed: "
                        + (failure.getMessage() == null ? failure : failure.getMessage()));
                return 1;
            } catch (IllegalAccessException e) {
                err.println("jgi: error: " + className + ".main is not accessible: " + e.getMessage());
                return Main.USAGE;
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }
}
