package com.realestate.cache.key;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The isolation tests are only as good as this matcher: each row is what Redis 7.0.15 answered to KEYS. */
class RedisGlobTests {

    @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a*                         | ab                           | true
            a*                         | ba                           | false
            \\*                        | *                            | true
            \\*                        | a                            | false
            a\\b                       | ab                           | true
            t:{a*}:*                   | t:{ab}:x                     | true
            t:{a%2A}:*                 | t:{ab}:x                     | false
            ?                          | é                            | false
            ??                         | é                            | true
            [ab]                       | a                            | true
            [ab]                       | c                            | false
            [^ab]                      | c                            | true
            [^ab]                      | a                            | false
            [a-c]                      | b                            | true
            [c-a]                      | b                            | true
            [a\\]]                     | ]                            | true
            *:detail                   | t:{x}:property:1:detail      | true
            t:{a}:property:a:*         | t:{a}:property:a:b:detail    | true
            t:{a}:*                    | t:{a}b}:x                    | false
            """)
    void matchesAsRedisDoes(String pattern, String key, boolean redisMatches) {
        assertThat(RedisGlob.matches(pattern, key)).isEqualTo(redisMatches);
    }
}
