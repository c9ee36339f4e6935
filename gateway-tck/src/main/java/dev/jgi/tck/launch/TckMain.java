package dev.jgi.tck.launch;

import dev.jgi.tck.report.ClauseVerdict;
import dev.jgi.tck.report.TckReport;
import dev.jgi.tck.report.TestOutcome;
import dev.jgi.tck.run.ServerResolver;
import dev.jgi.tck.run.TckSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code jgi-tck}: runs the server suite against a server and writes JUnit XML, report.json and
 * report.md. Exit status 0 when every MUST clause passed, 1 when one failed, 2 for a usage error
 * or when no test ran.
 */
public final class TckMain {

    private static final String USAGE = """
            usage: jgi-tck --server NAME_OR_CLASS --report DIR [--timeout MS] [--protocols LIST] [--clauses LIST]
                   jgi-tck --endpoint URL [--async-endpoint URL] [--mounted-endpoint URL] --report DIR
                   jgi-tck --app CLASS --report DIR
              --server            a server name (%s) or a class implementing dev.jgi.tck.spi.ServerUnderTest
              --endpoint          external mode: where you run dev.jgi.tck.probe.ProbeApp (mount prefix as the URL path)
              --async-endpoint    external mode: where you run dev.jgi.tck.probe.AsyncProbeApp
              --mounted-endpoint  external mode: ProbeApp under the mount prefix /mnt, e.g. http://127.0.0.1:8082/mnt
              --app               the application suite: CLASS (an Application or AsyncApplication with a
                                  no-argument constructor) runs under the validator in the in-process harness
              --report            the directory for junit/, report.json and report.md
              --timeout           milliseconds a read waits for the server (default 10000)
              --protocols         run over these of the protocols the server declares, e.g. http/1.1,h2c
                                  (default: all it declares; http/1.1, h2 and h2c for the reference server)
              --clauses           run only the tests of these clauses, e.g. JGI-WS-9,JGI-LIM-6 (default: all)
            """;

    private TckMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, String> settings = new LinkedHashMap<>();
        Path report;
        // Options come in pairs: the name, then its value.
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            String key = switch (args[i]) {
                case "--server" -> TckSettings.SERVER;
                case "--endpoint" -> TckSettings.ENDPOINT;
                case "--async-endpoint" -> TckSettings.ASYNC_ENDPOINT;
                case "--mounted-endpoint" -> TckSettings.MOUNTED_ENDPOINT;
                case "--timeout" -> TckSettings.TIMEOUT;
                case "--report" -> TckSettings.REPORT;
                case "--protocols" -> TckSettings.PROTOCOLS;
                case "--clauses" -> TckSettings.CLAUSES;
                case "--app" -> "jgi.tck.app";
                default -> null;
            };
            if (key == null || value == null) {
                System.err.printf(USAGE, String.join(", ", ServerResolver.available()));
                return 2;
            }
            settings.put(key, value);
        }
        if (settings.containsKey("jgi.tck.app") && settings.containsKey(TckSettings.REPORT)) {
            return runApp(
                    settings.get("jgi.tck.app"),
                    Path.of(settings.get(TckSettings.REPORT)).toAbsolutePath());
        }
        if (!settings.containsKey(TckSettings.REPORT)
                || (!settings.containsKey(TckSettings.SERVER) && !settings.containsKey(TckSettings.ENDPOINT))) {
            System.err.printf(USAGE, String.join(", ", ServerResolver.available()));
            return 2;
        }
        report = Path.of(settings.get(TckSettings.REPORT)).toAbsolutePath();
        settings.put(TckSettings.REPORT, report.toString());
        TckLauncher.Result result =
                TckLauncher.run(TckLauncher.SERVER_SUITE, settings, Optional.of(report.resolve("junit")));
        if (result.summary().getTestsFoundCount() == 0 || result.report().isEmpty()) {
            System.err.println("jgi-tck: no test ran");
            return 2;
        }
        TckReport tck = result.report().get();
        // The test counts are the report's, so that the console and report.md never disagree.
        System.out.printf(
                "jgi-tck: %s: %d clauses PASS, %d FAIL, %d WARN, %d SKIP; %d tests: %d passed, %d failed, %d skipped;"
                        + " report in %s%n",
                tck.header().subject(),
                tck.count(ClauseVerdict.Verdict.PASS),
                tck.count(ClauseVerdict.Verdict.FAIL),
                tck.count(ClauseVerdict.Verdict.WARN),
                tck.count(ClauseVerdict.Verdict.SKIP),
                tck.tests().size(),
                tests(tck, TestOutcome.Status.PASSED),
                tests(tck, TestOutcome.Status.FAILED),
                tests(tck, TestOutcome.Status.SKIPPED),
                report);
        tck.clauses().stream()
                .filter(c -> c.verdict() == ClauseVerdict.Verdict.FAIL)
                .forEach(c -> System.out.println("  FAIL " + c.id() + ": "
                        + c.reason().lines().findFirst().orElse("")));
        return tck.mandatoryFailed() ? 1 : 0;
    }

    private static long tests(TckReport report, TestOutcome.Status status) {
        return report.tests().stream().filter(t -> t.status() == status).count();
    }

    private static int runApp(String className, Path report) {
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            System.err.println("jgi-tck: no class " + className + " on the class path");
            return 2;
        }
        TckReport tck = dev.jgi.tck.app.AppSuite.run(
                className,
                () -> {
                    try {
                        return type.getConstructor().newInstance();
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot instantiate " + className + ": " + e, e);
                    }
                },
                Optional.of(report));
        System.out.printf(
                "jgi-tck: %s: %d clauses PASS, %d FAIL; report in %s%n",
                className, tck.count(ClauseVerdict.Verdict.PASS), tck.count(ClauseVerdict.Verdict.FAIL), report);
        tck.clauses().stream()
                .filter(c -> c.verdict() == ClauseVerdict.Verdict.FAIL)
                .forEach(c -> System.out.println("  FAIL " + c.id() + ": "
                        + c.reason().lines().findFirst().orElse("")));
        return tck.mandatoryFailed() ? 1 : 0;
    }
}
