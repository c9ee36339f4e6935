package dev.jgi.kernel.syntax;

import java.util.function.IntPredicate;

/**
 * ASCII character classes of HTTP's grammar. The JDK's {@link Character#isDigit} and
 * {@link Character#isLetterOrDigit} also accept non-ASCII letters and digits, which no HTTP rule
 * allows; a server that used them would take {@code "١٢"} for a length or a token.
 *
 * <p><b>Rules</b>
 * <ul>
 *   <li>Every method accepts exactly the ASCII characters its RFC names, and nothing above 0x7F.</li>
 *   <li>{@link #isDecimal} accepts 1 to 18 digits, so that the value always fits a {@code long}: a
 *       longer {@code content-length} is refused as invalid rather than parsed into an overflow
 *       [JGI-BODY-7].</li>
 * </ul>
 * The API module keeps its own copy in {@code Headers} and {@code Request}: it depends on the JDK
 * alone, and this module depends on it.
 */
public final class Ascii {

    /** The longest decimal {@link #isDecimal} accepts: 18 digits never overflow a {@code long}. */
    public static final int MAX_DECIMAL_DIGITS = 18;

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private Ascii() {}

    /** RFC 5234 DIGIT: {@code 0} to {@code 9}. */
    public static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** RFC 5234 ALPHA: {@code a} to {@code z} and {@code A} to {@code Z}. */
    public static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** ALPHA or DIGIT. */
    public static boolean isLetterOrDigit(int c) {
        return isLetter(c) || isDigit(c);
    }

    /** RFC 9110 tchar: a letter, a digit or one of {@code !#$%&'*+-.^_`|~}. */
    public static boolean isTokenChar(int c) {
        return isLetterOrDigit(c) || TOKEN_SYMBOLS.indexOf(c) >= 0;
    }

    /** Whether every character of {@code text} is a tchar; true for the empty string, which callers refuse apart. */
    public static boolean isToken(String text) {
        return all(text, Ascii::isTokenChar);
    }

    /** 1 to {@link #MAX_DECIMAL_DIGITS} digits and nothing else, as a {@code content-length} value must be. */
    public static boolean isDecimal(String text) {
        return !text.isEmpty() && text.length() <= MAX_DECIMAL_DIGITS && all(text, Ascii::isDigit);
    }

    /**
     * Whether every character of {@code text} is of the class; true for the empty string. A loop
     * rather than {@code chars().allMatch}, whose stream every request would allocate.
     */
    public static boolean all(String text, IntPredicate charClass) {
        for (int i = 0; i < text.length(); i++) {
            if (!charClass.test(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
