package dev.jgi.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void hashVerifiesOnlyTheRightPassword() {
        String stored = Passwords.hash("hunter2hunter2");
        assertThat(stored).startsWith("pbkdf2_sha256$600000$");
        assertThat(Passwords.verify("hunter2hunter2", stored)).isTrue();
        assertThat(Passwords.verify("hunter2hunter3", stored)).isFalse();
    }

    @Test
    void samePasswordHashesDifferentlyEachTime() {
        assertThat(Passwords.hash("same password")).isNotEqualTo(Passwords.hash("same password"));
    }

    @Test
    void foreignHashFormatNeverVerifies() {
        assertThat(Passwords.verify("x", "md5$abc")).isFalse();
    }
}
