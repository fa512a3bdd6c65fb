package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.realestate.cache.test.DisruptsRedis;
import com.realestate.cache.test.RedisServer;
import com.realestate.cache.test.RedisTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The client against a Redis that is killed, black-holed (SIGSTOP) and restarted under it. */
@RedisTest
@DisruptsRedis
class RedisOutageIntegrationTests {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
    /** An open breaker must answer far below the command timeout; a fifth of it leaves room for a slow CI. */
    private static final Duration OPEN_BREAKER_BOUND = COMMAND_TIMEOUT.dividedBy(5);

    record Listing(String id, String city) {
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private CacheClient cache;

    private CacheClient connect(RedisServer server) {
        cache = CacheClients.builder()
                .redisUrl(server.uri())
                .keyPrefix("outage:")
                .commandTimeout(COMMAND_TIMEOUT)
                .connectTimeout(Duration.ofMillis(500))
                .breaker(BreakerSettings.defaults().withMinimumCalls(3).withOpenDuration(Duration.ofMillis(500)))
                .meterRegistry(meters)
                .build();
        return cache;
    }

    @AfterEach
    void close() {
        if (cache != null) {
            cache.close();
        }
    }

    @Test
    void killedServerTurnsEveryOperationIntoAMissOrAFailureWithoutExceptions(RedisServer server) {
        CacheClient cache = connect(server);
        cache.set("property:1", new Listing("1", "Porto"));

        server.stop();

        assertThat(cache.get("property:1", Listing.class)).isEmpty();
        assertThat(cache.get("property:1", Listing.class, new Listing("0", "fallback"))).isEqualTo(new Listing("0", "fallback"));
        assertThat(cache.set("property:2", new Listing("2", "Braga"))).isEqualTo(WriteOutcome.FAILED);
        assertThat(cache.delete("property:1")).isEqualTo(DeleteOutcome.FAILED);
        assertThat(cache.exists("property:1")).isFalse();
        assertThat(cache.ttl("property:1")).isInstanceOf(KeyTtl.Unknown.class);
        assertThat(cache.incr("views", 1)).isEmpty();
        assertThat(cache.deletePattern("property:*").complete()).isFalse();
        assertThat(cache.flush().complete()).isFalse();
        assertThat(cache.isAvailable()).isFalse();
        assertThat(cache.status()).satisfies(status -> {
            assertThat(status.available()).isFalse();
            assertThat(status.breakerState()).isEqualTo("OPEN");
        });
    }

    @Test
    void anOpenBreakerAnswersFarBelowTheCommandTimeoutWhileRedisIsBlackHoled(RedisServer server) {
        CacheClient cache = connect(server);
        cache.set("property:1", new Listing("1", "Porto"));

        server.pause();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            cache.get("property:1", Listing.class);
            return !cache.isAvailable();
        });

        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            assertThat(cache.get("property:1", Listing.class)).isEmpty();
            assertThat(cache.set("property:1", new Listing("1", "Lisbon"))).isEqualTo(WriteOutcome.FAILED);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(OPEN_BREAKER_BOUND);
        }
        assertThat(meters.get(CacheMetrics.ERRORS).tag("kind", "breaker_open").counter().count()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void aBlackHoledRedisCostsAtMostOneCommandTimeoutPerCall(RedisServer server) {
        CacheClient cache = connect(server);

        server.pause();
        long start = System.nanoTime();
        assertThat(cache.get("property:1", Listing.class)).isEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(COMMAND_TIMEOUT.multipliedBy(2));
        assertThat(meters.get(CacheMetrics.ERRORS).tag("kind", "timeout").counter().count()).isEqualTo(1);
    }

    @Test
    void aLoadWhileRedisIsBlackHoledWaitsForOneCommandTimeoutNotOneForTheReadAndAnotherForTheLease(RedisServer server) {
        CacheClient cache = connect(server);

        server.pause();
        Optional<Listing> loaded = cache.getOrLoad("property:1", Listing.class, () -> new Listing("1", "Porto"),
                Duration.ofMinutes(1));

        assertThat(loaded).contains(new Listing("1", "Porto"));
        assertThat(meters.get(CacheMetrics.ERRORS).tag("kind", "timeout").counter().count()).isEqualTo(1);
    }

    @Test
    void aWriteThroughWhileRedisIsBlackHoledWaitsForOneCommandTimeoutNotASecondForTheInvalidation(RedisServer server) {
        CacheClient cache = connect(server);

        server.pause();
        WriteOutcome outcome = cache.writeThrough("property:1", new Listing("1", "Porto"), listing -> { },
                Duration.ofMinutes(1));

        assertThat(outcome).isEqualTo(WriteOutcome.FAILED);
        assertThat(meters.get(CacheMetrics.ERRORS).tag("kind", "timeout").counter().count()).isEqualTo(1);
    }

    @Test
    void whileRedisStaysBlackHoledOnlyTheBackgroundProbeWaitsForItNotTheCallers(RedisServer server) {
        CacheClient cache = connect(server);
        server.pause();
        for (int i = 0; i < 3; i++) {
            assertThat(cache.get("property:1", Listing.class)).isEmpty();
        }
        assertThat(cache.isAvailable()).isFalse();

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            long start = System.nanoTime();
            assertThat(cache.get("property:1", Listing.class)).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(OPEN_BREAKER_BOUND);
            return probes("unanswered") >= 3;
        });

        assertThat(meters.get(CacheMetrics.ERRORS).tag("kind", "timeout").counter().count()).isEqualTo(3);
        assertThat(probes("answered")).isZero();
    }

    @Test
    void aProbeThatRedisAnswersLetsCallersBackIn(RedisServer server) {
        CacheClient cache = connect(server);
        cache.set("property:1", new Listing("1", "Porto"));
        server.pause();
        for (int i = 0; i < 3; i++) {
            cache.get("property:1", Listing.class);
        }
        assertThat(cache.isAvailable()).isFalse();

        server.resume();

        await().atMost(Duration.ofSeconds(10)).until(() -> probes("answered") >= 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.get("property:1", Listing.class).isPresent()
                && cache.isAvailable());
    }

    private double probes(String result) {
        return meters.get(BreakerMeters.PROBES).tag("result", result).counter().count();
    }

    @Test
    void aResumedServerIsServedAgainWithItsDataByItself(RedisServer server) {
        CacheClient cache = connect(server);
        cache.set("property:1", new Listing("1", "Porto"));
        server.pause();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            cache.get("property:1", Listing.class);
            return !cache.isAvailable();
        });

        server.resume();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> cache.get("property:1", Listing.class).isPresent() && cache.isAvailable());
        assertThat(cache.get("property:1", Listing.class)).contains(new Listing("1", "Porto"));
    }

    @Test
    void aRestartedServerIsUsedAgainByItself(RedisServer server) {
        CacheClient cache = connect(server);
        cache.set("property:1", new Listing("1", "Porto"));
        server.stop();
        assertThat(cache.get("property:1", Listing.class)).isEmpty();

        server.restart();

        await().atMost(Duration.ofSeconds(15)).until(() ->
                cache.set("property:1", new Listing("1", "Faro")).done()
                        && cache.get("property:1", Listing.class).isPresent());
        assertThat(cache.get("property:1", Listing.class)).contains(new Listing("1", "Faro"));
    }

    @Test
    void aClientBuiltWhileRedisIsDownStartsCachingOnceRedisIsUp(RedisServer server) {
        server.stop();
        CacheClient cache = connect(server);

        assertThat(cache.get("property:1", Listing.class)).isEmpty();
        assertThat(cache.set("property:1", new Listing("1", "Porto"))).isEqualTo(WriteOutcome.FAILED);

        server.restart();

        await().atMost(Duration.ofSeconds(15)).until(() -> cache.set("property:1", new Listing("1", "Porto")).done());
        assertThat(cache.get("property:1", Listing.class)).contains(new Listing("1", "Porto"));
    }

    @Test
    void anOutageIsAFewLogLinesNotOnePerCall(RedisServer server) {
        ListAppender<ILoggingEvent> logs = capture(GuardedRedis.class, RedisConnector.class, RedisCacheClient.class);
        CacheClient cache = connect(server);
        server.stop();

        for (int i = 0; i < 300; i++) {
            cache.get("property:" + i, Listing.class);
            cache.set("property:" + i, new Listing(String.valueOf(i), "Porto"));
        }
        server.restart();
        await().atMost(Duration.ofSeconds(15)).until(() -> cache.set("k", 1).done() && cache.isAvailable());

        List<String> warnings = logs.list.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        assertThat(warnings).hasSizeBetween(1, 3);
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("answering again"));
    }

    private static ListAppender<ILoggingEvent> capture(Class<?>... sources) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        for (Class<?> source : sources) {
            ((Logger) LoggerFactory.getLogger(source)).addAppender(appender);
        }
        return appender;
    }
}
