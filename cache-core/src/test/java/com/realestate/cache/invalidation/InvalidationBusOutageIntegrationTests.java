package com.realestate.cache.invalidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheClients;
import com.realestate.cache.client.CacheKey;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.PropertyKeys;
import com.realestate.cache.key.TenantId;
import com.realestate.cache.test.DisruptsRedis;
import com.realestate.cache.test.RedisServer;
import com.realestate.cache.test.RedisTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A subscribing instance that loses Redis catches up on what was published meanwhile. To keep it away while the
 * publisher goes on, its bus logs in as an ACL user that is switched off and disconnected, then on again.
 */
@RedisTest
@DisruptsRedis
class InvalidationBusOutageIntegrationTests {

    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PREFIX = "bus:";
    private static final TenantId ACME = new TenantId("acme");
    private static final PropertyId P1 = new PropertyId("1");
    private static final PropertyId P2 = new PropertyId("2");
    private static final PropertyId P3 = new PropertyId("3");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final RecordingBusListener heard = new RecordingBusListener();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private CacheClient client(String url) {
        return open(CacheClients.builder().redisUrl(url).keyPrefix(PREFIX).commandTimeout(Duration.ofMillis(300))
                .connectTimeout(Duration.ofMillis(500)).meterRegistry(new SimpleMeterRegistry()).build());
    }

    /** The subscribing instance: its bus reads as {@code listener}, its invalidations go through {@code cache}. */
    private InvalidationBus subscriber(CacheClient busClient, CacheClient cache) {
        InvalidationBus bus = open(InvalidationBus.builder(busClient).listener(heard).meterRegistry(meters).build());
        bus.start(EventDrivenInvalidator.builder(CacheInvalidator.of(cache)).meterRegistry(meters).build());
        await().atMost(WAIT).until(bus::connected);
        return bus;
    }

    private static String listenerUrl(RedisServer server) {
        server.command("ACL", "SETUSER", "listener", "on", ">secret", "~*", "+@all");
        return "redis://listener:secret@127.0.0.1:" + server.port();
    }

    private static void cutOff(RedisServer server, InvalidationBus bus) {
        server.command("ACL", "SETUSER", "listener", "off");
        server.command("CLIENT", "KILL", "USER", "listener");
        await().atMost(WAIT).until(() -> !bus.connected());
    }

    private static void reconnect(RedisServer server) {
        server.command("ACL", "SETUSER", "listener", "on");
    }

    private static void cacheDetails(CacheClient cache, PropertyId... properties) {
        for (PropertyId property : properties) {
            cache.getOrLoad(PropertyKeys.detailKey(ACME, property), String.class, () -> "detail " + property.value(), TTL);
        }
    }

    private static boolean cached(CacheClient cache, PropertyId property) {
        return cache.get(PropertyKeys.detailKey(ACME, property), String.class).isPresent();
    }

    @Test
    void eventsPublishedWhileASubscriberWasAwayAreAppliedWhenItIsBack(RedisServer server) {
        CacheClient cache = client(server.uri());
        InvalidationBus publisher = open(InvalidationBus.builder(cache).meterRegistry(meters).build());
        InvalidationBus subscriber = subscriber(client(listenerUrl(server)), cache);
        cacheDetails(cache, P1, P2, P3);
        publisher.publish(DomainEvent.of("property.updated", ACME, P1));
        await().atMost(WAIT).until(() -> !cached(cache, P1));

        cutOff(server, subscriber);
        DomainEvent second = DomainEvent.of("property.updated", ACME, P2);
        DomainEvent third = DomainEvent.of("property.deleted", ACME, P3);
        assertThat(publisher.publish(second)).isTrue();
        assertThat(publisher.publish(third)).isTrue();
        reconnect(server);

        await().atMost(WAIT).until(() -> heard.applied.contains(third));
        assertThat(heard.applied.subList(1, 3)).containsExactly(second, third);
        assertThat(heard.disconnects).hasValue(1);
        assertThat(heard.resumes).hasValue(1);
        assertThat(heard.gaps).isEmpty();
    }

    @Test
    void eventsTrimmedWhileASubscriberWasAwayAreReportedAsAGapAndTheBusGoesOn(RedisServer server) {
        ListAppender<ILoggingEvent> logs = capture(BusSubscriber.class);
        CacheClient cache = client(server.uri());
        InvalidationBus publisher = open(InvalidationBus.builder(cache).meterRegistry(meters).build());
        InvalidationBus subscriber = subscriber(client(listenerUrl(server)), cache);
        DomainEvent first = DomainEvent.of("score.updated", ACME, P1);
        publisher.publish(first);
        await().atMost(WAIT).until(() -> heard.applied.contains(first));
        String lastSeen = subscriber.lastDeliveredId();

        cutOff(server, subscriber);
        publisher.publish(DomainEvent.of("score.updated", ACME, P2));
        server.command("XTRIM", PREFIX + InvalidationBus.DEFAULT_STREAM, "MAXLEN", "0");
        DomainEvent after = DomainEvent.of("score.updated", ACME, P3);
        publisher.publish(after);
        reconnect(server);

        await().atMost(WAIT).until(() -> heard.applied.contains(after));
        assertThat(heard.gaps).containsExactly(lastSeen);
        assertThat(heard.applied).containsExactly(first, after);
        assertThat(meters.get(BusSubscriber.GAPS).counter().count()).isEqualTo(1);
        assertThat(logs.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("trimmed", lastSeen);
        });
    }

    @Test
    void aSubscriberOfABlackHoledRedisSaysSoAndResumesWhenItAnswers(RedisServer server) {
        CacheClient cache = client(server.uri());
        InvalidationBus publisher = open(InvalidationBus.builder(cache).meterRegistry(meters).build());
        InvalidationBus subscriber = subscriber(client(server.uri()), cache);
        cacheDetails(cache, P1);

        server.pause();
        await().atMost(WAIT).until(() -> heard.disconnects.get() == 1);
        server.resume();
        DomainEvent event = DomainEvent.of("property.updated", ACME, P1);
        await().atMost(WAIT).until(() -> publisher.publish(event));

        await().atMost(WAIT).until(() -> heard.applied.contains(event));
        assertThat(cached(cache, P1)).isFalse();
        assertThat(heard.resumes).hasValue(1);
        assertThat(subscriber.connected()).isTrue();
    }

    private static ListAppender<ILoggingEvent> capture(Class<?> source) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(source)).addAppender(appender);
        return appender;
    }
}
