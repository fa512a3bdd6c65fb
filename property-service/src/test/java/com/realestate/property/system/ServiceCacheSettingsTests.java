package com.realestate.property.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The environment's cache settings never show a password, whatever characters it holds. */
class ServiceCacheSettingsTests {

    @Test
    void aPasswordWithSlashesAndAtSignsIsMaskedWhole() {
        ServiceCacheSettings settings = new ServiceCacheSettings("redis://app:s3cr/et@x@cache:6379/0",
                Duration.ofHours(1), "realestate:");

        assertThat(settings.toString()).doesNotContain("s3cr").doesNotContain("et@x").contains("redis://***@cache:6379/0");
        assertThat(settings.redactedRedisUrl()).isEqualTo("redis://***@cache:6379/0");
    }

    @Test
    void aUrlOfAnotherSchemeIsRefusedWithoutItsPassword() {
        assertThatThrownBy(() -> new ServiceCacheSettings("http://app:hunter2/x@cache:6379", Duration.ofHours(1),
                "realestate:")).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2");
    }
}
