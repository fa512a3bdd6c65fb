package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.realestate.cache.test.DisruptsRedis;
import com.realestate.cache.test.RedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rediss://} against a real TLS-enabled redis-server. Needs a redis-server built with TLS and openssl to make
 * a certificate; the static binary shipped for machines without Redis has no TLS, so there the test is skipped.
 */
@DisruptsRedis
class RedisTlsIntegrationTests {

    @TempDir
    Path certificates;

    @Test
    void aRedissUrlTalksTlsToTheServer() throws Exception {
        Path key = certificates.resolve("redis.key");
        Path cert = certificates.resolve("redis.crt");
        assumeTrue(run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                "/CN=127.0.0.1", "-keyout", key.toString(), "-out", cert.toString()), "openssl is not available");
        int tlsPort = freePort();
        RedisServer server;
        try {
            server = RedisServer.start("--tls-port", String.valueOf(tlsPort), "--tls-cert-file", cert.toString(),
                    "--tls-key-file", key.toString(), "--tls-ca-cert-file", cert.toString(), "--tls-auth-clients", "no");
        } catch (RuntimeException noTls) {
            assumeTrue(false, "this redis-server has no TLS: " + noTls.getMessage());
            return;
        }
        try (server; CacheClient cache = CacheClients.builder()
                .redisUrl("rediss://127.0.0.1:" + tlsPort + "/0?verifyPeer=NONE")
                .meterRegistry(new SimpleMeterRegistry()).build()) {
            assertThat(cache.set("over-tls", "secret")).isEqualTo(WriteOutcome.WRITTEN);
            assertThat(cache.get("over-tls", String.class)).contains("secret");
            assertThat(server.command("GET", "realestate:over-tls")).isEqualTo("\"secret\"");
            assertThat(server.command("INFO", "stats")).containsPattern("total_connections_received:[1-9]");
        }
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
