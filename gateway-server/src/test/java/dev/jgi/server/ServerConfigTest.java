package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void defaultsComeFromTheDeclarations() {
        ServerConfig config = ServerConfig.defaults();
        assertThat(config.binds()).containsExactly("127.0.0.1:8000");
        assertThat(config.maxBodySize()).isEqualTo(10L * 1024 * 1024);
        assertThat(config.headerReadTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.threads()).isEqualTo(ServerConfig.ThreadModel.VIRTUAL);
        assertThat(config.forwardedAllowIps()).containsExactly("127.0.0.1", "::1");
        assertThat(config.drainDelay()).isZero();
        assertThatThrownBy(() -> ServerConfig.fromText(Map.of("drain-delay", "-1s")))
                .hasMessageContaining("-1");
    }

    @Test
    void textFormRoundTrips() {
        ServerConfig config = ServerConfig.fromText(Map.of(
                "max-body-size",
                "2MiB",
                "graceful-timeout",
                "1500ms",
                "bind",
                "0.0.0.0:80,[::1]:81",
                "access-log",
                "JSON"));
        assertThat(config.maxBodySize()).isEqualTo(2L * 1024 * 1024);
        assertThat(config.gracefulTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.binds()).isEqualTo(List.of("0.0.0.0:80", "[::1]:81"));
        assertThat(ServerConfig.fromText(config.toText())).isEqualTo(config);
    }

    @Test
    void unknownKeysAndBadValuesNameTheSetting() {
        assertThatThrownBy(() -> ServerConfig.fromText(Map.of("max-bdy-size", "1")))
                .hasMessageContaining("max-bdy-size");
        assertThatThrownBy(() -> ServerConfig.fromText(Map.of("max-body-size", "much")))
                .hasMessageContaining("max-body-size");
        assertThatThrownBy(() -> ServerConfig.fromText(Map.of("threads", "green")))
                .hasMessageContaining("virtual");
        assertThatThrownBy(() -> ServerConfig.fromText(Map.of("root-path", "/app/")))
                .hasMessageContaining("JGI-PATH-2");
    }

    @Test
    void everySettingHasHelpAndADefaultThatParses() {
        for (Setting setting : ServerConfig.settings()) {
            assertThat(setting.help()).as(setting.name()).isNotBlank();
        }
        assertThat(ServerConfig.defaults().toText().keySet())
                .hasSize(ServerConfig.settings().size());
    }
}
