package dev.jgi.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ServeSettingsTest {

    @Test
    void commandLineBeatsProjectPropertiesWhichBeatTheSettingsElement() {
        Properties project = properties("jgi.bind", "127.0.0.1:8001", "jgi.max-body-size", "2MiB");
        Properties commandLine = properties("jgi.bind", "127.0.0.1:8002");

        ServeSettings settings =
                ServeSettings.of(Map.of("bind", "127.0.0.1:8000", "access-log", "off"), project, commandLine);

        assertThat(settings.arguments())
                .containsExactly("--access-log", "off", "--bind", "127.0.0.1:8002", "--max-body-size", "2MiB");
    }

    @Test
    void propertiesThatNameNoSettingAreNotPassedOn() {
        Properties project = properties("jgi.version", "1.0.0", "jgi.app", "com.example.App");

        assertThat(ServeSettings.of(Map.of(), project, new Properties()).arguments())
                .isEmpty();
    }

    @Test
    void anUnknownNameInTheSettingsElementIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> ServeSettings.of(Map.of("port", "8080"), new Properties(), new Properties()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'port'")
                .hasMessageContaining("bind, ");
    }

    @Test
    void aDefaultDoesNotReplaceWhatTheBuildSet() {
        ServeSettings settings = ServeSettings.of(Map.of(), new Properties(), properties("jgi.reload", "false"))
                .withDefault("reload", "true")
                .withDefault("env-file", ".env");

        assertThat(settings.arguments()).containsExactly("--env-file", ".env", "--reload", "false");
    }

    private static Properties properties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }
}
