package com.realestate.cache.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs probe classes in a nested JUnit engine with their own {@code TEST_REDIS_URL}, to prove what
 * the extension does against an external server, an unreachable one and at the end of a run.
 */
@RedisTest
@DisruptsRedis
class RedisExtensionModesIntegrationTests {

    private static final String FOREIGN_KEY = "someone-else:key";

    @Test
    void externalServerIsNeverFlushedAndOnlyEachTestsOwnKeysAreDeleted(RedisServer external) {
        external.command("CONFIG", "SET", "requirepass", "s3cret");
        String url = "redis://:s3cret@127.0.0.1:" + external.port() + "/3";
        RedisEndpoint endpoint = RedisEndpoint.parse(url);
        RespConnection.oneShot(endpoint, "SET", FOREIGN_KEY, "keep me");
        ExternalProbe.expectedUri = url;

        EngineExecutionResults results = run(ExternalProbe.class,
                Map.of(RedisExtension.URL_SETTING, url, RedisExtension.OPTIONAL_SETTING, "false"));

        assertAllSucceeded(results, 2);
        assertThat(RespConnection.oneShot(endpoint, "GET", FOREIGN_KEY)).isEqualTo("keep me");
        assertThat(RespConnection.oneShot(endpoint, "DBSIZE")).as("only the foreign key is left").isEqualTo("1");
    }

    @Test
    void unreachableOptionalServerSkipsTestsThatNeedIt() throws IOException {
        String url = "redis://127.0.0.1:" + closedPort();

        EngineExecutionResults results = run(ExternalProbe.class,
                Map.of(RedisExtension.URL_SETTING, url, RedisExtension.OPTIONAL_SETTING, "true"));

        assertThat(results.allEvents().failed().count()).isZero();
        assertThat(results.testEvents().aborted().stream().map(RedisExtensionModesIntegrationTests::describe))
                .hasSize(2)
                .allSatisfy(skip -> assertThat(skip).contains(url + "/0 is unreachable", "TEST_REDIS_OPTIONAL=true"));
    }

    @Test
    void unreachableOptionalServerSkipsAClassWhoseBeforeAllNeedsIt() throws IOException {
        String url = "redis://127.0.0.1:" + closedPort();

        EngineExecutionResults results = run(StaticSetupProbe.class,
                Map.of(RedisExtension.URL_SETTING, url, RedisExtension.OPTIONAL_SETTING, "true"));

        assertThat(results.allEvents().failed().count()).isZero();
        assertThat(results.testEvents().started().count()).isZero();
        assertThat(results.containerEvents().aborted().stream().map(RedisExtensionModesIntegrationTests::describe))
                .singleElement().asString()
                .contains("StaticSetupProbe", "is unreachable");
    }

    @Test
    void unreachableOptionalServerStillRunsTestsWithDedicatedServers() throws IOException {
        String url = "redis://127.0.0.1:" + closedPort();

        EngineExecutionResults results = run(DedicatedOnlyProbe.class,
                Map.of(RedisExtension.URL_SETTING, url, RedisExtension.OPTIONAL_SETTING, "true"));

        assertAllSucceeded(results, 1);
    }

    @Test
    void unreachableRequiredServerFailsWithAClearMessage() throws IOException {
        String url = "redis://127.0.0.1:" + closedPort();

        EngineExecutionResults results = run(ExternalProbe.class,
                Map.of(RedisExtension.URL_SETTING, url, RedisExtension.OPTIONAL_SETTING, "false"));

        assertThat(results.testEvents().failed().stream().map(RedisExtensionModesIntegrationTests::describe))
                .hasSize(2)
                .allSatisfy(failure -> assertThat(failure)
                        .contains(RedisExtension.URL_SETTING + "=" + url + "/0 is unreachable", "TEST_REDIS_OPTIONAL=true to skip"));
    }

    @Test
    void serversAreStoppedWhenTestsAndTheRunEnd() {
        assumeTrue(Settings.lookup(RedisExtension.URL_SETTING).isEmpty(), "the nested run must use a local server");

        EngineExecutionResults results = run(LocalProbe.class, Map.of());

        assertAllSucceeded(results, 1);
        assertThat(LocalProbe.ports).hasSize(2).doesNotContainNull();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (long pid : LocalProbe.pids) {
                assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("redis-server %d", pid).isEmpty();
            }
        });
        for (int port : LocalProbe.ports) {
            assertRefused(port);
        }
    }

    private static EngineExecutionResults run(Class<?> probe, Map<String, String> configuration) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(configuration)
                .selectors(selectClass(probe))
                .execute();
    }

    private static void assertAllSucceeded(EngineExecutionResults results, int tests) {
        assertThat(results.allEvents().failed().stream().map(RedisExtensionModesIntegrationTests::describe)).isEmpty();
        assertThat(results.allEvents().aborted().stream().map(RedisExtensionModesIntegrationTests::describe)).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(tests);
    }

    private static String describe(Event event) {
        return event.getTestDescriptor().getDisplayName() + ": " + event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::toString)
                .orElse("no throwable");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static void assertRefused(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            throw new AssertionError("port " + port + " still accepts connections");
        } catch (ConnectException expected) {
            assertThat(expected).hasMessageContaining("refused");
        } catch (IOException e) {
            throw new AssertionError("unexpected failure connecting to port " + port, e);
        }
    }

    /** Only meaningful inside {@link #externalServerIsNeverFlushedAndOnlyEachTestsOwnKeysAreDeleted}. */
    @RedisTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ExternalProbe {

        static volatile String expectedUri;
        private static String firstPrefix;

        @BeforeEach
        void onlyAgainstTheExternalServer(TestRedis redis) {
            assumeThat(redis.external()).as("probe runs only via RedisExtensionModesIntegrationTests").isTrue();
        }

        @Test
        @Order(1)
        void writesKeysUnderItsPrefix(TestRedis redis) {
            assertThat(redis.uri()).isEqualTo(expectedUri);
            assertThat(redis.command("GET", FOREIGN_KEY)).isEqualTo("keep me");
            firstPrefix = redis.keyPrefix();
            redis.command("MSET", firstPrefix + "a", "1", firstPrefix + "b", "2");
            assertThat(redis.countKeys(firstPrefix + "*")).isEqualTo(2);
        }

        @Test
        @Order(2)
        void seesOthersKeysButNotThePreviousTestsKeys(TestRedis redis) {
            assertThat(redis.command("GET", FOREIGN_KEY)).isEqualTo("keep me");
            assertThat(redis.countKeys(firstPrefix + "*")).isZero();
            redis.command("SET", redis.keyPrefix() + "c", "3");
            assertThatThrownBy(() -> redis.command("NO-SUCH-COMMAND")).hasMessageContaining("ERR unknown command");
        }
    }

    @RedisTest
    static class StaticSetupProbe {

        @BeforeAll
        static void seed(TestRedis redis) {
            redis.command("SET", redis.keyPrefix() + "seed", "1");
        }

        @Test
        void neverRunsWithoutRedis() {
            assertThat(true).isTrue();
        }
    }

    @RedisTest
    static class DedicatedOnlyProbe {

        @Test
        void dedicatedServerAnswers(RedisServer server) {
            assertThat(server.command("PING")).isEqualTo("PONG");
        }
    }

    @RedisTest
    static class LocalProbe {

        static volatile List<Integer> ports = List.of();
        static volatile List<Long> pids = List.of();

        @Test
        void recordsBothServers(TestRedis redis, RedisServer dedicated) {
            long sharedPid = redis.command("INFO", "server").lines()
                    .filter(line -> line.startsWith("process_id:"))
                    .mapToLong(line -> Long.parseLong(line.substring("process_id:".length())))
                    .findFirst().orElseThrow();
            ports = List.of(URI.create(redis.uri()).getPort(), dedicated.port());
            pids = List.of(sharedPid, dedicated.pid());
        }
    }
}
