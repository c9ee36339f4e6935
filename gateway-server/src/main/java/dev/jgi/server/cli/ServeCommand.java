package dev.jgi.server.cli;

import dev.jgi.server.ServerConfig;
import dev.jgi.server.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The options of {@code jgi serve}, built from {@link ServerConfig}'s {@link Setting}s so that help,
 * defaults and parsing cannot drift apart, plus the few options that are not server settings.
 */
final class ServeCommand {

    static final String CLASSPATH = "--classpath";
    static final String CONFIG = "--config";
    static final String PRINT_CONFIG = "--print-config";
    static final String CHECK_CONFIG = "--check-config";

    /** What the command line said. */
    record Parsed(
            String app,
            List<String> classpath,
            String config,
            boolean printConfig,
            boolean checkConfig,
            boolean help,
            Map<String, String> settings) {}

    private ServeCommand() {}

    static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("jgi serve").mixinStandardHelpOptions(false);
        spec.usageMessage(new UsageMessageSpec()
                .description("Serves a JGI application. Each setting is also read from the environment variable shown "
                        + "and from the --config file; flags win over the environment, which wins over the file.")
                .sortOptions(false));
        spec.addPositional(PositionalParamSpec.builder()
                .paramLabel("APP")
                .arity("0..1")
                .type(String.class)
                .description("The app: a class name (with --classpath), Class::factoryMethod, or a jar naming its app "
                        + "(manifest JGI-App or a ServiceLoader entry). Without APP, the --static mounts are served "
                        + "alone and every other path gets 404.")
                .build());
        spec.addOption(OptionSpec.builder(CLASSPATH)
                .paramLabel("PATHS")
                .type(String.class)
                .description("Jars and class folders of the app, separated by ':' (env JGI_CLASSPATH).")
                .build());
        spec.addOption(OptionSpec.builder(CONFIG)
                .paramLabel("FILE")
                .type(String.class)
                .description("A .properties file of settings, keys as the long option names (env JGI_CONFIG).")
                .build());
        for (Setting setting : ServerConfig.settings()) {
            OptionSpec.Builder option = OptionSpec.builder("--" + setting.name())
                    .description(setting.help() + " Default: "
                            + (setting.defaultValue().isEmpty() ? "none" : setting.defaultValue()) + ". Env: "
                            + ConfigSources.variable(setting.name()) + ".");
            if (setting.defaultValue().equals("false")) {
                option.type(String.class).arity("0..1").fallbackValue("true").paramLabel("BOOL");
            } else if (setting.repeatable()) {
                option.type(List.class).auxiliaryTypes(String.class).paramLabel("VALUE");
            } else {
                option.type(String.class).paramLabel("VALUE");
            }
            spec.addOption(option.build());
        }
        spec.addOption(OptionSpec.builder(PRINT_CONFIG)
                .arity("0")
                .type(boolean.class)
                .description("Print the effective settings and exit.")
                .build());
        spec.addOption(OptionSpec.builder(CHECK_CONFIG)
                .arity("0")
                .type(boolean.class)
                .description("Check the settings and that the app loads, then exit.")
                .build());
        spec.addOption(OptionSpec.builder("-h", "--help")
                .arity("0")
                .type(boolean.class)
                .usageHelp(true)
                .description("Show this help and exit.")
                .build());
        return spec;
    }

    /** @throws CommandLine.ParameterException for an unknown option or a missing value */
    static Parsed parse(String... args) {
        CommandLine line = new CommandLine(spec());
        CommandLine.ParseResult result = line.parseArgs(args);
        Map<String, String> settings = new LinkedHashMap<>();
        for (Setting setting : ServerConfig.settings()) {
            OptionSpec option = result.matchedOption("--" + setting.name());
            if (option == null) {
                continue;
            }
            Object value = option.getValue();
            settings.put(
                    setting.name(),
                    value instanceof List<?> list
                            ? String.join(
                                    ",", list.stream().map(String::valueOf).toList())
                            : String.valueOf(value));
        }
        String classpath = result.matchedOptionValue(CLASSPATH, null);
        return new Parsed(
                result.matchedPositionalValue(0, null),
                classpath == null ? null : List.of(classpath.split(java.io.File.pathSeparator)),
                result.matchedOptionValue(CONFIG, null),
                result.hasMatchedOption(PRINT_CONFIG),
                result.hasMatchedOption(CHECK_CONFIG),
                result.isUsageHelpRequested(),
                settings);
    }

    static String usage() {
        return new CommandLine(spec()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }
}
