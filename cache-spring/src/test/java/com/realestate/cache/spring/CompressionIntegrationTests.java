package com.realestate.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationContext;

/** Values of Spring caches are stored compressed with the configured dictionary, and read by every instance that has it. */
@RedisTest
class CompressionIntegrationTests {

    private static final String LISTING = "{\"id\":\"4f2a\",\"city\":\"Porto\",\"price\":350000,"
            + "\"features\":[\"balcony\",\"garage\"],\"status\":\"ACTIVE\"}";

    @TempDir
    Path files;

    private String dictionaryFile(String name, int seed) throws IOException {
        return "file:" + Files.write(files.resolve(name), CompressionSettingsTests.dictionary(seed).bytes());
    }

    private static ApplicationContextRunner app(TestRedis redis, String... compression) {
        return TestContexts.with(redis).withUserConfiguration(CachingTestConfiguration.class)
                .withPropertyValues(compression);
    }

    /** A value of about 1.3 KB, the size of a property record, made of listings like the dictionary's samples. */
    private static String value() {
        return "[" + String.join(",", Collections.nCopies(24, LISTING)) + "]";
    }

    private static Cache details(ApplicationContext context) {
        return context.getBean(CacheManager.class).getCache("details");
    }

    @Test
    void aLoadedValueIsStoredCompressedWithTheDictionaryAndReadBackByInstancesThatHaveIt(TestRedis redis)
            throws IOException {
        String v1 = dictionaryFile("v1.zdict", 1);
        String stored = TestContexts.storedKey(redis, "details", "42");

        app(redis, "realestate.cache.compression.dictionary=" + v1).run(writer ->
                assertThat(details(writer).get("42", CompressionIntegrationTests::value)).isEqualTo(value()));

        assertThat(Long.parseLong(redis.command("STRLEN", stored))).isLessThan(value().length() / 4);
        app(redis, "realestate.cache.compression.dictionary=" + v1).run(reader ->
                assertThat(details(reader).get("42", () -> "reloaded")).isEqualTo(value()));
    }

    @Test
    void anInstanceWithoutTheDictionaryReloadsTheValue(TestRedis redis) throws IOException {
        String v1 = dictionaryFile("v1.zdict", 1);
        app(redis, "realestate.cache.compression.dictionary=" + v1).run(writer ->
                details(writer).get("42", CompressionIntegrationTests::value));

        app(redis).run(reader -> assertThat(details(reader).get("42", () -> "reloaded")).isEqualTo("reloaded"));
    }

    @Test
    void anInstanceOnTheNextDictionaryStillReadsValuesOfThePreviousOne(TestRedis redis) throws IOException {
        String v1 = dictionaryFile("v1.zdict", 1);
        String v2 = dictionaryFile("v2.zdict", 2);
        app(redis, "realestate.cache.compression.dictionary=" + v1).run(before ->
                details(before).get("42", CompressionIntegrationTests::value));

        app(redis, "realestate.cache.compression.dictionary=" + v2,
                "realestate.cache.compression.previous-dictionaries=" + v1).run(after ->
                assertThat(details(after).get("42", () -> "reloaded")).isEqualTo(value()));
    }
}
