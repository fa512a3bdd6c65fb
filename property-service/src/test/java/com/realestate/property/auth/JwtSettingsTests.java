package com.realestate.property.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The key settings refuse to let the service start without a strong enough key. */
class JwtSettingsTests {

    @Test
    void aSecretShorterThan256BitsIsRefused() {
        assertThatThrownBy(() -> new JwtSettings("0123456789012345678901234567890", null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 256 bits")
                .hasMessageNotContaining("0123456789");
    }

    @Test
    void aSecretOf256BitsIsAccepted() {
        JwtSettings settings = new JwtSettings("01234567890123456789012345678901", null, null, null);

        assertThat(settings.usesJwks()).isFalse();
        assertThat(settings.secretKey().getEncoded()).hasSize(32);
        assertThat(settings.toString()).doesNotContain("0123456789");
    }

    @Test
    void neitherSecretNorJwksIsRefused() {
        assertThatThrownBy(() -> new JwtSettings(" ", URI.create(""), null, null))
                .hasMessageContaining("JWT_SECRET").hasMessageContaining("JWT_JWKS_URI");
    }

    @Test
    void aJwksAddressSelectsRs256AndBlankChecksAreOff() {
        JwtSettings settings = new JwtSettings(null, URI.create("https://issuer.test/jwks"), " ", "");

        assertThat(settings.usesJwks()).isTrue();
        assertThat(settings.issuer()).isNull();
        assertThat(settings.audience()).isNull();
    }
}
