package dev.jgi.samples.blog.launch;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * The jar's {@code Main-Class}: {@code java -jar blog.jar manage COMMAND [ARGS]} runs an admin command.
 * Compiled for Java 11 (the rest of the jar needs 21), so that an older {@code java} gets one line
 * saying which Java to use instead of an {@code UnsupportedClassVersionError} trace.
 */
public final class BlogJar {

    private static final int NEEDED = 21;

    private static final String USAGE = "usage: java -jar blog.jar manage migrate\n"
            + "       java -jar blog.jar manage createsuperuser --username NAME [--password-stdin]\n"
            + "serve it with: bin/jgi serve blog.jar";

    private BlogJar() {}

    public static void main(String[] args) throws Exception {
        int feature = Runtime.version().feature();
        if (feature < NEEDED) {
            System.err.println("blog: error: Java " + NEEDED + " or newer is needed, this is Java " + feature
                    + " (" + System.getProperty("java.home") + "); set JAVA_HOME or put a newer java first on PATH");
            System.exit(1);
        }
        if (args.length == 0 || !args[0].equals("manage")) {
            System.err.println(USAGE);
            System.exit(2);
        }
        try {
            Class.forName("dev.jgi.samples.blog.Admin")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            // Admin reports its own failures in one line; what escapes it is a defect worth a trace.
            if (e.getCause() instanceof Exception) {
                throw (Exception) e.getCause();
            }
            throw e;
        }
    }
}
