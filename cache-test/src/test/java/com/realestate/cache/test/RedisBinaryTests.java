package com.realestate.cache.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisBinaryTests {

    @AfterEach
    void clearOverride() {
        System.clearProperty(RedisBinary.BINARY_SETTING);
    }

    @Test
    void mapsJavaOsAndArchToTheShippedBinaries() {
        assertThat(RedisBinary.bundledResourceName("Linux", "amd64")).isEqualTo("redis-server-7.0.15-linux-amd64");
        assertThat(RedisBinary.bundledResourceName("Linux", "aarch64")).isEqualTo("redis-server-7.0.15-linux-arm64");
        assertThat(RedisBinary.bundledResourceName("Linux", "x86")).isEqualTo("redis-server-7.0.15-linux-386");
        assertThat(RedisBinary.bundledResourceName("Mac OS X", "x86_64")).isEqualTo("redis-server-7.0.15-darwin-amd64");
        assertThat(RedisBinary.bundledResourceName("Mac OS X", "aarch64")).isEqualTo("redis-server-7.0.15-darwin-arm64");
        assertThatThrownBy(() -> RedisBinary.bundledResourceName("Windows 11", "amd64")).hasMessageContaining("Windows 11");
    }

    @Test
    void explicitBinaryWins(@TempDir Path directory) throws IOException {
        Path binary = Files.createFile(directory.resolve("my-redis-server"));
        assertThat(binary.toFile().setExecutable(true)).isTrue();
        System.setProperty(RedisBinary.BINARY_SETTING, binary.toString());

        assertThat(RedisBinary.resolve()).isEqualTo(binary);
    }

    @Test
    void explicitBinaryMustBeExecutable(@TempDir Path directory) throws IOException {
        Path notExecutable = Files.createFile(directory.resolve("redis-server"));
        System.setProperty(RedisBinary.BINARY_SETTING, notExecutable.toString());

        assertThatThrownBy(RedisBinary::resolve)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(notExecutable.toString())
                .hasMessageContaining("not an executable");
    }

    @Test
    void shippedBinaryIsExtractedOncePerJvm() {
        Path first = RedisBinary.extractBundled();

        assertThat(first).isExecutable();
        assertThat(RedisBinary.extractBundled()).isEqualTo(first);
    }
}
