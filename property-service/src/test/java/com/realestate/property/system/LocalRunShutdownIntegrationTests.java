package com.realestate.property.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realestate.property.PropertyServiceApplication;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run stopped as a terminal stops it: {@code main} in a JVM of its own, ended by a signal, so that the
 * JVM's shutdown hooks run. The embedded PostgreSQL and Redis must outlive the beans that use them (the outbox relay,
 * the invalidation stream reader, the cache warm-up, the connection pool) and still be gone when the JVM is.
 */
class LocalRunShutdownIntegrationTests {

    private static final Pattern WARNING_OR_ERROR = Pattern.compile("\\s(WARN|ERROR)\\s");
    private static final Pattern EMBEDDED_PORT =
            Pattern.compile("Started embedded \\w+ at \\w+:.*?127\\.0\\.0\\.1:(\\d+)");
    private static final String READY = "Local run ready at";

    @TempDir
    Path directory;

    private Process service;

    @AfterEach
    void stopService() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSignalStopsTheLocalRunWithoutAWarningAndStopsItsEmbeddedServers() throws Exception {
        Path log = directory.resolve("service.log");
        service = startLocalRun(log);
        await().atMost(Duration.ofMinutes(3)).until(() -> ready(log) || !service.isAlive());
        List<String> startup = lines(log);
        assertThat(ready(log)).as("the local run started; its output:%n%s", String.join("\n", startup)).isTrue();

        service.destroy();

        assertThat(service.waitFor(2, TimeUnit.MINUTES)).as("the service stopped").isTrue();
        List<String> output = lines(log);
        assertThat(output.subList(startup.size(), output.size())).as("log lines after the signal")
                .noneMatch(line -> WARNING_OR_ERROR.matcher(line).find());
        assertThat(embeddedPorts(startup)).hasSize(2).noneMatch(LocalRunShutdownIntegrationTests::listening);
    }

    private static Process startLocalRun(Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PropertyServiceApplication.class.getName(), "--server.port=0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        List.of("DATABASE_URL", "REDIS_URL", "JWT_SECRET", "JWT_JWKS_URI", "LOG_FORMAT").forEach(environment::remove);
        Process started = builder.start();
        started.getOutputStream().close();
        return started;
    }

    private static boolean ready(Path log) throws IOException {
        return lines(log).stream().anyMatch(line -> line.contains(READY));
    }

    private static List<String> lines(Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    private static List<Integer> embeddedPorts(List<String> output) {
        return output.stream().map(EMBEDDED_PORT::matcher).filter(Matcher::find)
                .map(port -> Integer.parseInt(port.group(1))).toList();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
