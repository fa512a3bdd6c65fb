package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lettuce.core.RedisURI;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How {@code REDIS_URL} is read when its password holds URL delimiters: the last {@code @} ends the credentials,
 * and the password shows nowhere, whether the URL is taken or refused.
 */
class RedisLocationTests {

    @ParameterizedTest
    @ValueSource(strings = {
            "redis://:hunter2 x@cache:port/0",
            "redis://:hunter2 x@cache x:6379/0",
            "redis://:hunter2@cache:6379/0?libraryName=a b",
            "redis://:hunter2@cache:6379?verifyPeer=MAYBE",
            "redis://:hunter2@cache:6379/zero",
            "redis://:hunter2@cache:99999",
            "redis://:hunter2%@cache:6379",
            "redis://u:hunter2%4@cache:6379",
            "redis://:hunter2@",
            "redis://:hunter#2@",
            "redis://:hunter2@a:7000,b:7001/2",
            "redis://:hunter2@cache/1?db=2"})
    void aRefusedUrlKeepsThePasswordOutOfTheMessageAndEveryCause(String url) {
        CacheConfigurationException refused = catchThrowableOfType(CacheConfigurationException.class,
                () -> CacheSettings.defaults().withRedisUrl(url));

        assertThat(refused).hasMessageContaining("REDIS_URL");
        assertThat(printed(refused)).doesNotContain("hunter");
    }

    @Test
    void aSpaceInThePasswordIsPartOfIt() {
        RedisURI uri = RedisLocation.parse("redis://:hunter2 x@cache:6379/0", false).first();

        assertThat(uri.getHost()).isEqualTo("cache");
        assertThat(new String(uri.getPassword())).isEqualTo("hunter2 x");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "redis://:hunter#2@cache                | hunter#2   | 6379 | 0",
            "redis://:hunter?2@cache:6380/1         | hunter?2   | 6380 | 1",
            "redis://:ab/cd+ef==@cache:6381/2       | ab/cd+ef== | 6381 | 2",
            "redis://:p@ss@cache:6382               | p@ss       | 6382 | 0",
            "redis://:a#b?c/d@e:f@cache/3           | a#b?c/d@e:f | 6379 | 3"})
    void delimitersInThePasswordArePartOfItSinceTheLastAtSignEndsTheCredentials(
            String url, String password, int port, int database) {
        RedisURI uri = RedisLocation.parse(url, false).first();

        assertThat(uri.getHost()).isEqualTo("cache");
        assertThat(uri.getPort()).isEqualTo(port);
        assertThat(uri.getDatabase()).isEqualTo(database);
        assertThat(uri.getUsername()).isNull();
        assertThat(new String(uri.getPassword())).isEqualTo(password);
        assertThat(CacheSettings.defaults().withRedisUrl(url).redisUrlForDisplay())
                .isEqualTo("redis://cache:" + port + "/" + database);
    }

    @Test
    void theUserNameEndsAtTheFirstColonAndThePasswordAtTheLastAtSign() {
        RedisURI uri = RedisLocation.parse("redis://u:p@ss@host:6379", false).first();

        assertThat(uri.getHost()).isEqualTo("host");
        assertThat(uri.getPort()).isEqualTo(6379);
        assertThat(uri.getUsername()).isEqualTo("u");
        assertThat(new String(uri.getPassword())).isEqualTo("p@ss");
    }

    @Test
    void everySeedOfAClusterGetsThePasswordWithItsDelimiters() {
        RedisLocation location = RedisLocation.parse("rediss://app:p@ss#1@a:7000,b:7001?verifyPeer=NONE", false);

        assertThat(location.cluster()).isTrue();
        assertThat(location.uris()).extracting(RedisURI::getHost).containsExactly("a", "b");
        assertThat(location.uris()).extracting(RedisURI::getPort).containsExactly(7000, 7001);
        assertThat(location.uris()).allSatisfy(uri -> {
            assertThat(uri.isSsl()).isTrue();
            assertThat(uri.isVerifyPeer()).isFalse();
            assertThat(uri.getUsername()).isEqualTo("app");
            assertThat(new String(uri.getPassword())).isEqualTo("p@ss#1");
        });
    }

    @Test
    void percentEscapesInTheCredentialsAreDecoded() {
        RedisURI uri = RedisLocation.parse("redis://us%3Aer:p%40ss%25%23%C3%A9@cache", false).first();

        assertThat(uri.getUsername()).isEqualTo("us:er");
        assertThat(new String(uri.getPassword())).isEqualTo("p@ss%#é");
    }

    @Test
    void aPercentSignThatIsNotAnEscapeIsRefusedWithHowToWriteIt() {
        CacheConfigurationException refused = catchThrowableOfType(CacheConfigurationException.class,
                () -> RedisLocation.parse("redis://:100%sure@cache", false));

        assertThat(refused).hasMessageContaining("%25").hasMessageNotContaining("sure").hasNoCause();
    }

    @Test
    void aHostThatJavaNetUriCannotReadKeepsItsPort() {
        RedisURI uri = RedisLocation.parse("redis://:s3cret@redis_primary:6380/2", false).first();

        assertThat(uri.getHost()).isEqualTo("redis_primary");
        assertThat(uri.getPort()).isEqualTo(6380);
        assertThat(uri.getDatabase()).isEqualTo(2);
    }

    @Test
    void queryOptionsAreStillReadByLettuce() {
        RedisURI uri = RedisLocation.parse("rediss://:s3cret@cache:6380/3?timeout=5s&clientName=app&verifyPeer=CA",
                false).first();

        assertThat(uri.getDatabase()).isEqualTo(3);
        assertThat(uri.getTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(uri.getClientName()).isEqualTo("app");
        assertThat(uri.isVerifyPeer()).isTrue();
        assertThat(uri.getVerifyMode().name()).isEqualTo("CA");
        assertThat(RedisLocation.parse("redis://cache?db=4", false).first().getDatabase()).isEqualTo(4);
    }

    @Test
    void aDatabaseInThePathAndAnotherInTheQueryIsRefused() {
        CacheConfigurationException refused = catchThrowableOfType(CacheConfigurationException.class,
                () -> RedisLocation.parse("redis://:s3cret@cache/1?db=2", false));

        assertThat(refused).hasMessageContaining("database 1 in its path and 2 in its query")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void bracketedIpv6AddressesKeepTheirPort() {
        RedisURI uri = RedisLocation.parse("redis://:s3cret@[::1]:6380/1", false).first();

        assertThat(uri.getHost()).isEqualTo("[::1]");
        assertThat(uri.getPort()).isEqualTo(6380);
        assertThat(CacheSettings.defaults().withRedisUrl("redis://:s3cret@[::1]:6380/1").redisUrlForDisplay())
                .isEqualTo("redis://[::1]:6380/1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "redis://:hunter2@cache:6379/0",
            "redis://admin:hunter2@cache:6379/0",
            "redis://:hunter#2@cache",
            "redis://:hunter?2@cache",
            "redis://u:hunter@2@cache:6379",
            "redis://:hunter/2@a:7000,b:7001",
            "redis://:hunter%402@cache"})
    void noDisplayFormShowsThePassword(String url) {
        CacheSettings settings = CacheSettings.defaults().withRedisUrl(url);

        assertThat(settings.redisUrlForDisplay()).doesNotContain("hunter").doesNotContain("@");
        assertThat(settings.toString()).doesNotContain("hunter").contains("redis://***@");
        assertThat(RedisLocation.parse(url, false).toString()).doesNotContain("hunter");
    }

    private static String printed(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
