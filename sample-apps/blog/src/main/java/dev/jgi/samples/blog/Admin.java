package dev.jgi.samples.blog;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The blog's admin commands, configured like the app ({@code DATABASE_URL}, {@code .env}):
 * <pre>
 * java -jar blog.jar manage migrate
 * java -jar blog.jar manage createsuperuser --username NAME [--password-stdin]
 * </pre>
 * Without {@code --password-stdin} the password is asked for on the terminal. Failures are one line
 * on standard error and exit status 1; neither command needs {@code SECRET_KEY}.
 */
public final class Admin {

    private static final String USAGE = """
            usage: java -jar blog.jar manage migrate
                   java -jar blog.jar manage createsuperuser --username NAME [--password-stdin]""";

    /** Flyway and HikariCP narrate every step at INFO; the commands print their own one-line summary instead. */
    private static final List<Logger> CHATTY =
            List.of(Logger.getLogger("org.flywaydb"), Logger.getLogger("com.zaxxer.hikari"));

    private Admin() {}

    public static void main(String[] args) throws Exception {
        CHATTY.forEach(log -> log.setLevel(Level.OFF));
        Config config;
        try {
            config = Config.fromEnvironment();
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.exit(run(List.of(args), config, System.in, System.out, System.err));
    }

    /** Runs one command; returns the exit status (0 done, 1 failed, 2 usage). */
    static int run(List<String> args, Config config, InputStream in, PrintStream out, PrintStream err)
            throws Exception {
        if (args.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        try (Database database = Database.open(
                config.databaseUrl(), new Config.Pool(2, config.pool().timeout()))) {
            switch (args.getFirst()) {
                case "migrate" -> {
                    int applied = database.migrate();
                    out.println("Applied " + applied + " migration(s) to " + database.description()
                            + "; schema is current.");
                    return 0;
                }
                case "createsuperuser" -> {
                    return createSuperuser(args.subList(1, args.size()), database, in, out, err);
                }
                default -> {
                    err.println("unknown command: " + args.getFirst() + "\n" + USAGE);
                    return 2;
                }
            }
        } catch (Exception e) {
            // An operator's command: the cause in one line (a database that is down, a bad URL), no trace.
            err.println("error: " + oneLine(e));
            return 1;
        }
    }

    /** The innermost message of a chain, where the database's own words are, on one line. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root.getMessage();
        return message.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .reduce((a, b) -> a + " " + b)
                .orElse("");
    }

    // On JDK 21, the release the blog targets, System.console() is null without a terminal; on newer
    // JDKs it is not, and readPassword then reads standard input, which still works.
    @SuppressWarnings("SystemConsoleNull")
    private static int createSuperuser(
            List<String> args, Database database, InputStream in, PrintStream out, PrintStream err) throws Exception {
        int at = args.indexOf("--username");
        if (at < 0 || at + 1 >= args.size()) {
            err.println(USAGE);
            return 2;
        }
        String username = args.get(at + 1);
        String password;
        if (args.contains("--password-stdin")) {
            password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } else {
            Console console = System.console();
            if (console == null) {
                err.println("error: no terminal to ask for the password; pipe it in with --password-stdin");
                return 2;
            }
            password = new String(console.readPassword("Password for %s: ", username));
        }
        if (password == null) {
            err.println("error: no password on standard input");
            return 2;
        }
        if (!database.pendingMigrations().isEmpty()) {
            err.println("error: the database needs migrations first: run: java -jar blog.jar manage migrate");
            return 1;
        }
        new Users(database).create(username, password);
        out.println("Superuser " + username + " created in " + database.description() + ".");
        return 0;
    }
}
