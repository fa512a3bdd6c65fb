package com.realestate.cache.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisEndpointTests {

    @Test
    void parsesPasswordOnlyUrlWithDatabase() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://:s3cret@cache.example:6380/2");

        assertThat(endpoint).isEqualTo(new RedisEndpoint("cache.example", 6380, 2, null, "s3cret"));
        assertThat(endpoint.uri()).isEqualTo("redis://:s3cret@cache.example:6380/2");
        assertThat(endpoint.redactedUri()).isEqualTo("redis://:***@cache.example:6380/2").doesNotContain("s3cret");
        assertThat(endpoint.toString()).doesNotContain("s3cret");
    }

    @Test
    void defaultsToPortSixThreeSevenNineAndDatabaseZero() {
        assertThat(RedisEndpoint.parse("redis://localhost")).isEqualTo(new RedisEndpoint("localhost", 6379, 0, null, null));
        assertThat(RedisEndpoint.parse("redis://localhost:7000/").uri()).isEqualTo("redis://localhost:7000/0");
    }

    @Test
    void parsesAclUserAndEncodedPassword() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://app:p%40ss%3Aword@10.0.0.1:6379/1");

        assertThat(endpoint.username()).isEqualTo("app");
        assertThat(endpoint.password()).isEqualTo("p@ss:word");
        assertThat(endpoint.uri()).isEqualTo("redis://app:p%40ss%3Aword@10.0.0.1:6379/1");
    }

    @Test
    void userInfoWithoutColonIsAPassword() {
        assertThat(RedisEndpoint.parse("redis://s3cret@host").password()).isEqualTo("s3cret");
    }

    @Test
    void rejectsWhatTheRawClientCannotSpeak() {
        assertThatThrownBy(() -> RedisEndpoint.parse("rediss://:pw@host:6379"))
                .hasMessageContaining("TLS").hasMessageNotContaining("pw");
        assertThatThrownBy(() -> RedisEndpoint.parse("http://host")).hasMessageContaining("redis://");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://host/cache")).hasMessageContaining("database number");
    }
}
