package com.realestate.cache.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@RedisTest
@DisruptsRedis
class RedisServerIntegrationTests {

    private static final byte[] PING = "*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int BLACK_HOLE_TIMEOUT_MILLIS = 300;

    @Test
    void startedServerAnswersPingOnLoopback(RedisServer server) throws IOException {
        assertThat(server.isRunning()).isTrue();
        assertThat(server.isPaused()).isFalse();
        assertThat(server.host()).isEqualTo("127.0.0.1");
        assertThat(server.uri()).isEqualTo("redis://127.0.0.1:" + server.port());
        assertThat(ProcessHandle.of(server.pid())).hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());

        try (Socket socket = connect(server.port())) {
            socket.setSoTimeout(2_000);
            assertThat(ping(socket)).isEqualTo("+PONG");
        }
        assertThat(server.command("PING")).isEqualTo("PONG");
    }

    @Test
    void stopKillsTheProcessAndThePortRefusesConnections(RedisServer server) {
        long pid = server.pid();

        server.stop();

        assertThat(server.isRunning()).isFalse();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThatThrownBy(() -> connect(server.port()).close()).isInstanceOf(ConnectException.class);
        server.stop();
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void pausedServerAcceptsConnectionsButNeverAnswersUntilResumed(RedisServer server) throws IOException {
        server.pause();
        server.pause();

        assertThat(server.isPaused()).isTrue();
        assertThat(server.isRunning()).isTrue();
        try (Socket socket = connect(server.port())) {
            socket.setSoTimeout(BLACK_HOLE_TIMEOUT_MILLIS);
            assertThatThrownBy(() -> ping(socket)).isInstanceOf(SocketTimeoutException.class);

            server.resume();

            socket.setSoTimeout(2_000);
            assertThat(readLine(socket)).as("the PING sent while paused").isEqualTo("+PONG");
        }
        assertThat(server.isPaused()).isFalse();
        server.resume();
        assertThat(server.command("PING")).isEqualTo("PONG");
    }

    @Test
    void restartComesBackOnTheSamePortWithAnEmptyKeyspace(RedisServer server) {
        int port = server.port();
        long pid = server.pid();
        server.command("SET", "survives", "no");

        server.restart();

        assertThat(server.port()).isEqualTo(port);
        assertThat(server.pid()).isNotEqualTo(pid);
        assertThat(server.command("PING")).isEqualTo("PONG");
        assertThat(server.command("DBSIZE")).isEqualTo("0");
    }

    @Test
    void restartBringsBackAStoppedOrPausedServer(RedisServer server) {
        server.stop();
        server.restart();
        assertThat(server.command("PING")).isEqualTo("PONG");

        server.pause();
        server.restart();
        assertThat(server.isPaused()).isFalse();
        assertThat(server.command("PING")).isEqualTo("PONG");
    }

    @Test
    void extraArgumentsReachTheServer() {
        try (RedisServer server = RedisServer.start("--maxmemory", "10mb")) {
            assertThat(server.command("CONFIG", "GET", "maxmemory")).isEqualTo("maxmemory\n10485760");
            assertThat(server.command("CONFIG", "GET", "save")).isEqualTo("save\n");
        }
    }

    @Test
    void closeKillsAPausedServerAndDeletesItsDirectory() {
        RedisServer server = RedisServer.start();
        Path directory = server.directory();
        long pid = server.pid();
        server.pause();

        server.close();
        server.close();

        assertThat(directory).doesNotExist();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty());
        assertThatThrownBy(() -> connect(server.port()).close()).isInstanceOf(ConnectException.class);
        assertThatThrownBy(server::restart).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void failedStartReportsTheServersOutput() {
        assertThatThrownBy(() -> RedisServer.start("--no-such-directive", "x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code 1 before answering PING")
                .hasMessageContaining("Bad directive");
    }

    @Test
    void shippedBinaryStartsARealServer() {
        Path binary = RedisBinary.extractBundled();

        try (RedisServer server = RedisServer.start(binary, List.of())) {
            String info = server.command("INFO", "server");
            assertThat(server.command("PING")).isEqualTo("PONG");
            assertThat(info).contains("redis_version:" + RedisBinary.BUNDLED_VERSION);
            assertThat(info).contains("executable:" + binary);
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static String ping(Socket socket) throws IOException {
        socket.getOutputStream().write(PING);
        socket.getOutputStream().flush();
        return readLine(socket);
    }

    private static String readLine(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
}
