package dev.jgi.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one {@link ServerConfig} setting where its record component is declared: its default and
 * its help text. The defaults the builder starts from, {@code jgi serve --help}, the environment
 * variable {@code JGI_<NAME>} and the config-file key all come from here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Setting {

    /** The option name: {@code --<name>} on the command line, {@code <name>} in a config file. */
    String name();

    /**
     * The default, in the same text form the command line takes. Sizes take a KiB/MiB/GiB suffix,
     * durations an ms/s/m/h suffix ({@code 0} means off where the help says so); lists are
     * comma-separated.
     */
    String defaultValue();

    /** One line of help, shown by {@code --help}. */
    String help();

    /** Whether the option may be given more than once on the command line (a list setting). */
    boolean repeatable() default false;
}
