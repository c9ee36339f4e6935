package dev.jgi.assets.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    @Test
    void closedOpenAndSuffixRangesAreSatisfiable() {
        assertThat(ByteRange.parse("bytes=0-9", 100)).isEqualTo(new ByteRange.Satisfiable(0, 9, 100));
        assertThat(ByteRange.parse("bytes=90-", 100)).isEqualTo(new ByteRange.Satisfiable(90, 99, 100));
        assertThat(ByteRange.parse("bytes=-10", 100)).isEqualTo(new ByteRange.Satisfiable(90, 99, 100));
        assertThat(ByteRange.parse("bytes=-500", 100)).isEqualTo(new ByteRange.Satisfiable(0, 99, 100));
        assertThat(ByteRange.parse("Bytes=5-500", 100)).isEqualTo(new ByteRange.Satisfiable(5, 99, 100));
    }

    @Test
    void rangesThatSelectNoByteAreUnsatisfiable() {
        assertThat(ByteRange.parse("bytes=100-", 100)).isEqualTo(new ByteRange.Unsatisfiable(100));
        assertThat(ByteRange.parse("bytes=-0", 100)).isEqualTo(new ByteRange.Unsatisfiable(100));
        assertThat(ByteRange.parse("bytes=-5", 0)).isEqualTo(new ByteRange.Unsatisfiable(0));
        assertThat(new ByteRange.Unsatisfiable(100).contentRange()).isEqualTo("bytes */100");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bytes=0-1,3-4",
                "bytes=",
                "bytes=a-b",
                "bytes=5-2",
                "items=0-1",
                "bytes=1",
                "bytes=--1",
                "bytes=99999999999999999999-"
            })
    void multipleOrMalformedRangesAreIgnored(String header) {
        assertThat(ByteRange.parse(header, 100)).isEqualTo(new ByteRange.Ignored());
    }

    @Test
    void absentHeaderIsIgnored() {
        assertThat(ByteRange.parse(null, 100)).isEqualTo(new ByteRange.Ignored());
    }
}
