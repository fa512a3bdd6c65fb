package com.realestate.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheSettings;
import com.realestate.cache.client.Compression;
import com.realestate.cache.client.CompressionDictionary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code realestate.cache.compression.*} become the client's {@link Compression}; a dictionary that cannot be used stops the start. */
class CompressionSettingsTests {

    @TempDir
    Path files;

    private final ApplicationContextRunner runner = TestContexts.withoutRedis();

    @Configuration(proxyBeanMethods = false)
    static class OwnCompression {

        @Bean
        Compression myCompression() {
            return Compression.off();
        }
    }

    /** Listings of one shape, as a cache's values are; {@code seed} gives each dictionary other samples. */
    static CompressionDictionary dictionary(int seed) {
        Random random = new Random(seed);
        String[] cities = {"Porto", "Lisboa", "Braga", "Faro", "Coimbra"};
        List<byte[]> samples = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            samples.add(("{\"id\":\"" + Long.toHexString(random.nextLong()) + "\",\"city\":\""
                    + cities[random.nextInt(cities.length)] + "\",\"price\":" + random.nextInt(1_000_000)
                    + ",\"features\":[\"balcony\",\"garage\"],\"status\":\"ACTIVE\"}").getBytes(StandardCharsets.UTF_8));
        }
        return CompressionDictionary.train(samples, 2048);
    }

    /** Writes the dictionary trained from {@code seed} into a file and returns its {@code file:} location. */
    private String dictionaryFile(String name, int seed) throws IOException {
        return "file:" + Files.write(files.resolve(name), dictionary(seed).bytes());
    }

    /** The messages of the failure and all its causes, as a person reading the start-up log sees them. */
    private static String failureText(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    @Test
    void withoutSettingsTheClientCompressesAsCacheCoreDoesByDefault() {
        runner.run(context -> {
            assertThat(context.getBean(Compression.class)).isEqualTo(Compression.defaults());
            assertThat(context.getBean(CacheSettings.class).compression()).isEqualTo(Compression.defaults());
        });
    }

    @Test
    void aDictionaryIsReadFromItsLocationAndValuesFromTheDictionaryThresholdAreCompressedWithIt() throws IOException {
        String location = dictionaryFile("views-v1.zdict", 1);

        runner.withPropertyValues("realestate.cache.compression.dictionary=" + location).run(context -> {
            Compression compression = context.getBean(CacheSettings.class).compression();
            assertThat(compression.dictionary()).isEqualTo(dictionary(1));
            assertThat(compression.thresholdBytes()).isEqualTo(Compression.DICTIONARY_THRESHOLD_BYTES);
            assertThat(compression.previousDictionaries()).isEmpty();
        });
    }

    @Test
    void aThresholdReplacesTheDefaultOfEitherMode() throws IOException {
        String location = dictionaryFile("views-v1.zdict", 1);

        runner.withPropertyValues("realestate.cache.compression.threshold=1KB").run(context ->
                assertThat(context.getBean(Compression.class).thresholdBytes()).isEqualTo(1024));
        runner.withPropertyValues("realestate.cache.compression.dictionary=" + location,
                "realestate.cache.compression.threshold=512").run(context ->
                assertThat(context.getBean(Compression.class).thresholdBytes()).isEqualTo(512));
    }

    @Test
    void previousDictionariesAreReadInTheirOrderButNotCompressedWith() throws IOException {
        String current = dictionaryFile("views-v3.zdict", 3);
        String v2 = dictionaryFile("views-v2.zdict", 2);
        String v1 = dictionaryFile("views-v1.zdict", 1);

        runner.withPropertyValues("realestate.cache.compression.dictionary=" + current,
                "realestate.cache.compression.previous-dictionaries=" + v2 + "," + v1).run(context -> {
            Compression compression = context.getBean(Compression.class);
            assertThat(compression.dictionary()).isEqualTo(dictionary(3));
            assertThat(compression.previousDictionaries()).containsExactly(dictionary(2), dictionary(1));
        });
    }

    @Test
    void turnedOffNothingIsCompressedButEveryConfiguredDictionaryIsStillRead() throws IOException {
        String current = dictionaryFile("views-v2.zdict", 2);
        String v1 = dictionaryFile("views-v1.zdict", 1);

        runner.withPropertyValues("realestate.cache.compression.enabled=false",
                "realestate.cache.compression.dictionary=" + current,
                "realestate.cache.compression.previous-dictionaries=" + v1).run(context -> {
            Compression compression = context.getBean(Compression.class);
            assertThat(compression.thresholdBytes()).isEqualTo(Integer.MAX_VALUE);
            assertThat(compression.dictionary()).isNull();
            assertThat(compression.previousDictionaries()).containsExactly(dictionary(2), dictionary(1));
        });
    }

    @Test
    void aMissingDictionaryStopsTheStartNamingThePropertyAndTheLocation() {
        runner.withPropertyValues("realestate.cache.compression.dictionary=classpath:cache/missing-v9.zdict")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(failureText(context.getStartupFailure()))
                            .contains("realestate.cache.compression.dictionary (class path resource "
                                    + "[cache/missing-v9.zdict]) does not exist");
                });
    }

    @Test
    void aFileThatIsNoDictionaryStopsTheStartNamingThePropertyAndTheFile() throws IOException {
        Path notADictionary = Files.writeString(files.resolve("views.json"), "{\"not\":\"a dictionary\"}");

        runner.withPropertyValues("realestate.cache.compression.dictionary=file:" + notADictionary).run(context -> {
            assertThat(context).hasFailed();
            assertThat(failureText(context.getStartupFailure()))
                    .contains("realestate.cache.compression.dictionary (")
                    .contains(notADictionary.toString())
                    .contains("is not a zstd dictionary");
        });
    }

    @Test
    void aDirectoryWhereADictionaryShouldBeStopsTheStartAsUnreadable() {
        runner.withPropertyValues("realestate.cache.compression.dictionary=file:" + files).run(context -> {
            assertThat(context).hasFailed();
            assertThat(failureText(context.getStartupFailure()))
                    .contains("realestate.cache.compression.dictionary (").contains(files.toString())
                    .contains("is not a readable file");
        });
    }

    @Test
    void aMissingPreviousDictionaryStopsTheStartNamingItsPlaceInTheList() throws IOException {
        String current = dictionaryFile("views-v2.zdict", 2);
        String v1 = dictionaryFile("views-v1.zdict", 1);

        runner.withPropertyValues("realestate.cache.compression.dictionary=" + current,
                "realestate.cache.compression.previous-dictionaries=" + v1 + ",file:" + files.resolve("v0.zdict"))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(failureText(context.getStartupFailure()))
                            .contains("realestate.cache.compression.previous-dictionaries[1]")
                            .contains("v0.zdict").contains("does not exist");
                });
    }

    @Test
    void theCurrentDictionaryListedAgainAsAPreviousOneStopsTheStart() throws IOException {
        String current = dictionaryFile("views-v2.zdict", 2);

        runner.withPropertyValues("realestate.cache.compression.dictionary=" + current,
                "realestate.cache.compression.previous-dictionaries=" + current).run(context -> {
            assertThat(context).hasFailed();
            assertThat(failureText(context.getStartupFailure()))
                    .contains("realestate.cache.compression.dictionary and realestate.cache.compression"
                            + ".previous-dictionaries cannot be used together")
                    .contains("distinct ids");
        });
    }

    @Test
    void aThresholdOfNothingStopsTheStart() {
        runner.withPropertyValues("realestate.cache.compression.threshold=0B").run(context -> {
            assertThat(context).hasFailed();
            assertThat(failureText(context.getStartupFailure()))
                    .contains("realestate.cache.compression.threshold must be between 1B");
        });
    }

    @Test
    void anApplicationCompressionBeanIsTheOneTheClientUses() {
        runner.withUserConfiguration(OwnCompression.class)
                .withPropertyValues("realestate.cache.compression.dictionary=classpath:cache/missing-v9.zdict")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Compression.class).hasSingleBean(CacheClient.class);
                    assertThat(context.getBean(CacheSettings.class).compression()).isEqualTo(Compression.off());
                });
    }
}
