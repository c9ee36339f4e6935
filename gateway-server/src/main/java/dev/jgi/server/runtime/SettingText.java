package dev.jgi.server.runtime;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text form of settings: what the command line, {@code JGI_*} variables and config files hold. */
public final class SettingText {

    private static final Pattern SIZE =
            Pattern.compile("(\\d+)\\s*(|B|KiB|MiB|GiB|K|M|G|KB|MB|GB)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(|ms|s|m|h)");

    private SettingText() {}

    /**
     * Parses {@code text} as a value of {@code type}.
     *
     * @throws IllegalArgumentException naming the setting and the expected form
     */
    public static Object parse(String name, String text, Type type) {
        String value = text.strip();
        try {
            if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
                return value.isEmpty()
                        ? List.of()
                        : Arrays.stream(value.split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList();
            }
            if (type == String.class) {
                return value;
            }
            if (type == boolean.class) {
                return switch (value.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on", "1" -> true;
                    case "false", "no", "off", "0" -> false;
                    default -> throw new IllegalArgumentException("expected true or false");
                };
            }
            if (type == int.class) {
                long size = size(value);
                if (size > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("too large");
                }
                return (int) size;
            }
            if (type == long.class) {
                return size(value);
            }
            if (type == Duration.class) {
                return duration(value);
            }
            if (type instanceof Class<?> c && c.isEnum()) {
                for (Object constant : c.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equalsIgnoreCase(value)) {
                        return constant;
                    }
                }
                throw new IllegalArgumentException("expected one of "
                        + Arrays.stream(c.getEnumConstants())
                                .map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT))
                                .toList());
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": invalid value '" + text + "': " + e.getMessage(), e);
        }
        throw new IllegalStateException("no text form for " + type);
    }

    /** The text form of a setting value; {@link #parse} reads it back. */
    public static String format(Object value) {
        return switch (value) {
            case List<?> list ->
                String.join(",", list.stream().map(String::valueOf).toList());
            case Duration d -> d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
            case Enum<?> e -> e.name().toLowerCase(Locale.ROOT);
            default -> String.valueOf(value);
        };
    }

    private static long size(String value) {
        Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a number, optionally with KiB, MiB or GiB");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "", "B" -> n;
            case "KIB", "K", "KB" -> n * 1024;
            case "MIB", "M", "MB" -> n * 1024 * 1024;
            default -> n * 1024 * 1024 * 1024;
        };
    }

    private static Duration duration(String value) {
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration such as 500ms, 30s, 2m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
