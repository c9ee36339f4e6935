package dev.jgi.kernel.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsciiTest {

    @Test
    void digitsAndLettersAreTheAsciiRangesAndNothingElse() {
        String digits = "0123456789";
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        IntStream.range(0, 0x10000).forEach(c -> {
            assertThat(Ascii.isDigit(c)).as("digit %04x", c).isEqualTo(digits.indexOf(c) >= 0);
            assertThat(Ascii.isLetter(c)).as("letter %04x", c).isEqualTo(letters.indexOf(c) >= 0);
            assertThat(Ascii.isLetterOrDigit(c))
                    .as("letter or digit %04x", c)
                    .isEqualTo(letters.indexOf(c) >= 0 || digits.indexOf(c) >= 0);
        });
    }

    @Test
    void nonAsciiDigitsAndLettersAreRefusedWhereTheJdkWouldTakeThem() {
        for (char c : new char[] {'١', '٢', '０', 'é', 'ß', 'Ω'}) {
            assertThat(Character.isLetterOrDigit(c)).isTrue();
            assertThat(Ascii.isLetterOrDigit(c)).as("%s", c).isFalse();
            assertThat(Ascii.isTokenChar(c)).as("%s", c).isFalse();
        }
    }

    @Test
    void tokenCharsAreLettersDigitsAndTheRfc9110Symbols() {
        String symbols = "!#$%&'*+-.^_`|~";
        IntStream.range(0, 0x100)
                .forEach(c -> assertThat(Ascii.isTokenChar(c))
                        .as("tchar %02x", c)
                        .isEqualTo(Ascii.isLetterOrDigit(c) || symbols.indexOf(c) >= 0));
        assertThat(Ascii.isToken("X-Custom_1.0~")).isTrue();
        assertThat(Ascii.isToken("")).isTrue();
        assertThat(Ascii.isToken("a b")).isFalse();
        assertThat(Ascii.isToken("a:b")).isFalse();
        assertThat(Ascii.isToken("(x)")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "42", "007", "999999999999999999"})
    void decimalsOfOneToEighteenDigitsAreAccepted(String text) {
        assertThat(Ascii.isDecimal(text)).isTrue();
        assertThat(Long.parseLong(text)).isNotNegative();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1000000000000000000", "-1", "+1", " 1", "1 ", "1,2", "0x10", "١٢"})
    void anythingElseIsNoDecimal(String text) {
        assertThat(Ascii.isDecimal(text)).isFalse();
    }

    @Test
    void allTestsEveryCharacterAndHoldsForTheEmptyString() {
        assertThat(Ascii.all("8080", Ascii::isDigit)).isTrue();
        assertThat(Ascii.all("", Ascii::isDigit)).isTrue();
        assertThat(Ascii.all("808a", Ascii::isDigit)).isFalse();
        assertThat(Ascii.all("a808", Ascii::isDigit)).isFalse();
    }
}
