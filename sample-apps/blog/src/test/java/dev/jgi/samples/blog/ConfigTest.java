package dev.jgi.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @TempDir
    Path dir;

    @Test
    void environmentWinsOverDotEnv() throws Exception {
        Path env = Files.writeString(dir.resolve(".env"), """
                # development settings
                export SECRET_KEY="from-dotenv-0123456789"
                DEBUG=true   # on for now
                DATABASE_URL='postgres://blog:s3cret@db.internal:5433/blog'
                """);
        Config config = Config.from(Map.of("DATABASE_URL", "postgres://other@127.0.0.1/x"), env);
        assertThat(config.secretKey()).isEqualTo("from-dotenv-0123456789");
        assertThat(config.debug()).isTrue();
        assertThat(config.databaseUrl()).hasValue("postgres://other@127.0.0.1/x");
    }

    @Test
    void withoutDatabaseUrlTheEmbeddedDatabaseIsUsed() throws Exception {
        Config config = Config.from(Map.of("SECRET_KEY", "0123456789abcdef"), dir.resolve("missing.env"));
        assertThat(config.databaseUrl()).isEmpty();
        assertThat(config.debug()).isFalse();
        assertThat(Database.EMBEDDED_URL).endsWith("./blog-db");
    }

    @Test
    void missingSecretKeyIsExplained() throws Exception {
        Config withoutKey = Config.from(Map.of(), dir.resolve("missing.env"));
        assertThatThrownBy(withoutKey::requireSecretKey).hasMessageContaining("SECRET_KEY must be set");
    }

    @Test
    void poolAndLoginLimitsHaveSafeDefaults() throws Exception {
        Config config = Config.from(Map.of(), dir.resolve("missing.env"));
        assertThat(config.pool()).isEqualTo(new Config.Pool(10, Duration.ofSeconds(5)));
        assertThat(config.logins()).isEqualTo(new LoginThrottle.Limits(10, 50, Duration.ofMinutes(15)));
    }

    @Test
    void badPoolSettingIsNamed() {
        assertThatThrownBy(() -> Config.from(Map.of("DB_POOL_SIZE", "ten"), dir.resolve("missing.env")))
                .hasMessage("DB_POOL_SIZE must be a whole number, got ten");
        assertThatThrownBy(() -> Config.from(Map.of("DB_POOL_SIZE", "0"), dir.resolve("missing.env")))
                .hasMessage("DB_POOL_SIZE must be 1 to 1000, got 0");
        assertThatThrownBy(() -> Config.from(Map.of("LOGIN_THROTTLE_MINUTES", "0"), dir.resolve("missing.env")))
                .hasMessageContaining("LOGIN_THROTTLE_MINUTES must be at least 1");
    }

    @Test
    void malformedDotEnvLineIsNamed() throws Exception {
        Path env = Files.writeString(dir.resolve(".env"), "SECRET_KEY\n");
        assertThatThrownBy(() -> Config.from(Map.of(), env)).hasMessageContaining("expected KEY=value");
    }
}
