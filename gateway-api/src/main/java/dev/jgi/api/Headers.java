package dev.jgi.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * An immutable, ordered list of header fields: request headers, response headers or trailers.
 *
 * <p><b>Policy</b>
 * <ul>
 *   <li>[JGI-HDR-2] Order is kept and repeated names stay separate fields, never folded into one
 *       comma-joined value (a server MUST NOT fold {@code set-cookie}).</li>
 *   <li>[JGI-HDR-5] Lookups ignore ASCII case; the stored name keeps the case it was given.
 *       Request headers arrive with lower-case names [JGI-HDR-1].</li>
 *   <li>[JGI-HDR-3] A name is an RFC 9110 token; a value holds no CR, LF or NUL and no leading or
 *       trailing whitespace. Construction fails with {@link IllegalArgumentException} otherwise.</li>
 *   <li>[JGI-HDR-4] Values are strings of ISO-8859-1 characters, one character per octet, so the
 *       octets received are recoverable exactly.</li>
 * </ul>
 */
public final class Headers implements Iterable<Headers.Field> {

    /** One header field. */
    public record Field(String name, String value) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            checkName(name);
            checkValue(name, value);
        }
    }

    private static final Headers EMPTY = new Headers(new String[0]);

    /** Alternating names and values; never mutated after construction. */
    private final String[] fields;

    private Headers(String[] fields) {
        this.fields = fields;
    }

    /** The empty header list. */
    public static Headers of() {
        return EMPTY;
    }

    /**
     * Headers from alternating names and values: {@code Headers.of("content-type", "text/plain")}.
     *
     * @throws IllegalArgumentException for an odd count or an invalid name or value [JGI-HDR-3]
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate; got an odd count");
        }
        String[] copy = namesAndValues.clone();
        for (int i = 0; i < copy.length; i += 2) {
            checkName(copy[i]);
            checkValue(copy[i], copy[i + 1]);
        }
        return new Headers(copy);
    }

    /** Headers from a list of fields, in its order. */
    public static Headers of(List<Field> fields) {
        String[] flat = new String[fields.size() * 2];
        int i = 0;
        for (Field field : fields) {
            flat[i++] = field.name();
            flat[i++] = field.value();
        }
        return new Headers(flat);
    }

    /** A builder for servers and frameworks that add many fields one by one. */
    public static Builder builder() {
        return new Builder();
    }

    /** The value of the first field with this name, if any. */
    public Optional<String> first(String name) {
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                return Optional.of(fields[i + 1]);
            }
        }
        return Optional.empty();
    }

    /** The values of every field with this name, in order; empty if none. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>(2);
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                values.add(fields[i + 1]);
            }
        }
        return List.copyOf(values);
    }

    /** Whether at least one field has this name. */
    public boolean contains(String name) {
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The number of fields, repeats counted. */
    public int size() {
        return fields.length / 2;
    }

    public boolean isEmpty() {
        return fields.length == 0;
    }

    /** These fields followed by one more. */
    public Headers plus(String name, String value) {
        checkName(name);
        checkValue(name, value);
        String[] grown = Arrays.copyOf(fields, fields.length + 2);
        grown[fields.length] = name;
        grown[fields.length + 1] = value;
        return new Headers(grown);
    }

    /** These fields with every field of this name replaced by one field at the end. */
    public Headers with(String name, String value) {
        return without(name).plus(name, value);
    }

    /** These fields less every field of this name. */
    public Headers without(String name) {
        if (!contains(name)) {
            return this;
        }
        List<String> kept = new ArrayList<>(fields.length);
        for (int i = 0; i < fields.length; i += 2) {
            if (!fields[i].equalsIgnoreCase(name)) {
                kept.add(fields[i]);
                kept.add(fields[i + 1]);
            }
        }
        return new Headers(kept.toArray(String[]::new));
    }

    /** Calls {@code action} with each name and value, in order, without allocating fields. */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < fields.length; i += 2) {
            action.accept(fields[i], fields[i + 1]);
        }
    }

    /** The fields, in order. */
    public List<Field> asList() {
        List<Field> list = new ArrayList<>(size());
        for (Field field : this) {
            list.add(field);
        }
        return List.copyOf(list);
    }

    @Override
    public Iterator<Field> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < fields.length;
            }

            @Override
            public Field next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Field field = new Field(fields[next], fields[next + 1]);
                next += 2;
                return field;
            }
        };
    }

    /** Equal when the same fields stand in the same order, names compared ignoring case. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Headers that) || that.fields.length != fields.length) {
            return false;
        }
        for (int i = 0; i < fields.length; i += 2) {
            if (!fields[i].equalsIgnoreCase(that.fields[i]) || !fields[i + 1].equals(that.fields[i + 1])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = 0; i < fields.length; i += 2) {
            hash = 31 * hash + fields[i].toLowerCase(Locale.ROOT).hashCode();
            hash = 31 * hash + fields[i + 1].hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Headers[");
        for (int i = 0; i < fields.length; i += 2) {
            text.append(i == 0 ? "" : ", ").append(fields[i]).append(": ").append(fields[i + 1]);
        }
        return text.append(']').toString();
    }

    /** Collects fields in order; not thread-safe; {@link #build()} may be called once. */
    public static final class Builder {
        private String[] fields = new String[16];
        private int length;

        private Builder() {}

        /** Appends a field. @throws IllegalArgumentException for an invalid name or value [JGI-HDR-3] */
        public Builder add(String name, String value) {
            checkName(name);
            checkValue(name, value);
            if (length == fields.length) {
                fields = Arrays.copyOf(fields, length * 2);
            }
            fields[length++] = name;
            fields[length++] = value;
            return this;
        }

        public Headers build() {
            String[] built = Arrays.copyOf(fields, length);
            fields = null;
            return new Headers(built);
        }
    }

    static void checkName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("[JGI-HDR-3] a header name must not be empty");
        }
        if (!isToken(name)) {
            throw new IllegalArgumentException("[JGI-HDR-3] header name is not a token: " + printable(name));
        }
    }

    static void checkValue(String name, String value) {
        int n = value.length();
        if (n > 0 && (isBlank(value.charAt(0)) || isBlank(value.charAt(n - 1)))) {
            throw new IllegalArgumentException(
                    "[JGI-HDR-3] value of header " + name + " has leading or trailing whitespace");
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || c > 0xFF || (c < 0x20 && c != '\t') || c == 0x7F) {
                throw new IllegalArgumentException(
                        "[JGI-HDR-3] value of header " + name + " holds a forbidden character: " + printable(value));
            }
        }
    }

    /** RFC 9110 token: one or more tchar. A loop, not a stream: it runs for every request's method. */
    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isTokenChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 9110 tchar. */
    static boolean isTokenChar(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
