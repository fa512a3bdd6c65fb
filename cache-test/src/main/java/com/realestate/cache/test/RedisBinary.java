package com.realestate.cache.test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a {@code redis-server} executable, so tests run against a real server on any developer
 * machine or CI runner, even one without Redis installed.
 *
 * <p>Lookup order: the {@value #BINARY_SETTING} system property or environment variable, the first
 * executable {@code redis-server} on {@code PATH}, then the static binary shipped in
 * {@code org.signal:embedded-redis} (extracted once per JVM).
 */
public final class RedisBinary {

    /** System property or environment variable naming the redis-server executable to use. */
    public static final String BINARY_SETTING = "REDIS_SERVER_BINARY";

    static final String BUNDLED_VERSION = "7.0.15";

    private static final Logger log = LoggerFactory.getLogger(RedisBinary.class);

    private static Path extracted;

    private RedisBinary() {
    }

    /**
     * Returns the redis-server executable to launch.
     *
     * @throws IllegalStateException if {@value #BINARY_SETTING} names a non-executable file, or no binary is found
     */
    public static Path resolve() {
        Optional<String> configured = Settings.lookup(BINARY_SETTING);
        if (configured.isPresent()) {
            Path binary = Path.of(configured.get());
            if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
                throw new IllegalStateException(BINARY_SETTING + "=" + binary + " is not an executable file");
            }
            return binary;
        }
        Optional<Path> onPath = findOnPath();
        if (onPath.isPresent()) {
            return onPath.get();
        }
        List<String> tried = new ArrayList<>(List.of(
                BINARY_SETTING + " is not set",
                "no executable redis-server on PATH=" + System.getenv("PATH")));
        try {
            return extractBundled();
        } catch (RuntimeException e) {
            tried.add(e.getMessage());
            throw new IllegalStateException("No redis-server binary found: " + String.join("; ", tried)
                    + ". Install redis-server or set " + BINARY_SETTING + ".", e);
        }
    }

    /** Extracts the binary shipped in embedded-redis for this OS and architecture (once per JVM) and returns it. */
    static synchronized Path extractBundled() {
        if (extracted != null && Files.isExecutable(extracted)) {
            return extracted;
        }
        String resource = bundledResourceName(System.getProperty("os.name"), System.getProperty("os.arch"));
        try (InputStream in = RedisBinary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource
                        + " not found (is org.signal:embedded-redis on the classpath?)");
            }
            Path target = Files.createTempFile(resource + "-", "");
            target.toFile().deleteOnExit();
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            if (!target.toFile().setExecutable(true, true)) {
                throw new IllegalStateException("could not mark " + target + " executable");
            }
            log.debug("Extracted bundled {} to {}", resource, target);
            extracted = target;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract classpath resource " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Name of the bundled binary for an {@code os.name} and {@code os.arch}. */
    static String bundledResourceName(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String osPart;
        if (os.contains("linux")) {
            osPart = "linux";
        } else if (os.contains("mac") || os.contains("darwin")) {
            osPart = "darwin";
        } else {
            throw new IllegalStateException("no bundled redis-server for os.name=" + osName);
        }
        String archPart = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "386";
            default -> throw new IllegalStateException("no bundled redis-server for os.arch=" + osArch);
        };
        return "redis-server-" + BUNDLED_VERSION + "-" + osPart + "-" + archPart;
    }

    private static Optional<Path> findOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            try {
                Path candidate = Path.of(directory, "redis-server");
                if (!directory.isBlank() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            } catch (InvalidPathException e) {
                log.debug("Skipping unusable PATH entry {}", directory, e);
            }
        }
        return Optional.empty();
    }
}
