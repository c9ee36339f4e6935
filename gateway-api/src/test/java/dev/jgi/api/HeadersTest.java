package dev.jgi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void lookupsIgnoreCaseAndKeepTheGivenName() {
        Headers headers = Headers.of("Content-Type", "text/plain");
        assertThat(headers.first("content-type")).contains("text/plain");
        assertThat(headers.contains("CONTENT-TYPE")).isTrue();
        assertThat(headers.asList()).containsExactly(new Headers.Field("Content-Type", "text/plain"));
    }

    @Test
    void repeatedFieldsStaySeparateAndInOrder() {
        Headers headers = Headers.of("set-cookie", "a=1", "vary", "accept").plus("Set-Cookie", "b=2");
        assertThat(headers.all("set-cookie")).containsExactly("a=1", "b=2");
        assertThat(headers.size()).isEqualTo(3);
        assertThat(headers.asList())
                .extracting(Headers.Field::name)
                .containsExactly("set-cookie", "vary", "Set-Cookie");
    }

    @Test
    void withReplacesEveryFieldOfTheNameByOneAtTheEnd() {
        Headers headers = Headers.of("a", "1", "b", "2", "A", "3").with("a", "9");
        assertThat(headers.asList()).containsExactly(new Headers.Field("b", "2"), new Headers.Field("a", "9"));
    }

    @Test
    void withoutRemovesEveryFieldOfTheNameAndKeepsTheSameListWhenAbsent() {
        Headers headers = Headers.of("a", "1", "b", "2");
        assertThat(headers.without("A").asList()).containsExactly(new Headers.Field("b", "2"));
        assertThat(headers.without("c")).isSameAs(headers);
    }

    @Test
    void equalityIgnoresNameCaseButNotOrderOrValues() {
        assertThat(Headers.of("A", "1", "b", "2"))
                .isEqualTo(Headers.of("a", "1", "B", "2"))
                .hasSameHashCodeAs(Headers.of("a", "1", "B", "2"));
        assertThat(Headers.of("a", "1", "b", "2")).isNotEqualTo(Headers.of("b", "2", "a", "1"));
        assertThat(Headers.of("a", "x")).isNotEqualTo(Headers.of("a", "X"));
    }

    @Test
    void invalidNamesAndValuesAreRefusedNamingTheClause() {
        assertThatThrownBy(() -> Headers.of("bad name", "x")).hasMessageContaining("JGI-HDR-3");
        assertThatThrownBy(() -> Headers.of("", "x")).hasMessageContaining("JGI-HDR-3");
        assertThatThrownBy(() -> Headers.of("x", "a\r\nb")).hasMessageContaining("JGI-HDR-3");
        assertThatThrownBy(() -> Headers.of("x", "nul\0")).hasMessageContaining("JGI-HDR-3");
        assertThatThrownBy(() -> Headers.of("x", " padded")).hasMessageContaining("JGI-HDR-3");
        assertThatThrownBy(() -> Headers.of("x", "\u20ac")).hasMessageContaining("JGI-HDR-3");
        assertThatThrownBy(() -> Headers.of().plus("x", "tail\t")).hasMessageContaining("JGI-HDR-3");
        assertThatThrownBy(() -> Headers.of("odd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesKeepTabsAndLatin1OctetsExactly() {
        Headers headers = Headers.of("x-raw", "a\tb \u00e9\u00ff");
        assertThat(headers.first("x-raw")).contains("a\tb \u00e9\u00ff");
    }

    @Test
    void builderCollectsManyFieldsInOrder() {
        Headers.Builder builder = Headers.builder();
        for (int i = 0; i < 40; i++) {
            builder.add("x-" + i, Integer.toString(i));
        }
        Headers headers = builder.build();
        assertThat(headers.size()).isEqualTo(40);
        assertThat(headers.first("X-39")).contains("39");
        assertThatThrownBy(() -> Headers.builder().add("a b", "x")).hasMessageContaining("JGI-HDR-3");
    }

    @Test
    void fieldListsRoundTripAndAreImmutable() {
        List<Headers.Field> fields = List.of(new Headers.Field("a", "1"), new Headers.Field("b", "2"));
        Headers headers = Headers.of(fields);
        assertThat(headers.asList()).isEqualTo(fields);
        assertThatThrownBy(() -> headers.asList().add(new Headers.Field("c", "3")))
                .isInstanceOf(UnsupportedOperationException.class);
        StringBuilder visited = new StringBuilder();
        headers.forEach(
                (name, value) -> visited.append(name).append('=').append(value).append(';'));
        assertThat(visited).hasToString("a=1;b=2;");
        assertThat(headers).hasToString("Headers[a: 1, b: 2]");
    }

    @Test
    void emptyHeadersAreEmpty() {
        assertThat(Headers.of().isEmpty()).isTrue();
        assertThat(Headers.of().first("a")).isEmpty();
        assertThat(Headers.of().all("a")).isEmpty();
        assertThat(Headers.of().iterator().hasNext()).isFalse();
    }
}
