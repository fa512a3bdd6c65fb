package com.realestate.cache.invalidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheClients;
import com.realestate.cache.client.CacheKey;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.PropertyKeys;
import com.realestate.cache.key.TenantId;
import com.realestate.cache.test.DisruptsRedis;
import com.realestate.cache.test.RedisServer;
import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two instances (two clients) on one Redis: what one publishes, the other applies. */
@RedisTest
class InvalidationBusIntegrationTests {

    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final TenantId ACME = new TenantId("acme");
    private static final PropertyId P1 = new PropertyId("1");
    private static final CacheKey DETAIL = PropertyKeys.detailKey(ACME, P1);

    private final TestRedis redis;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final RecordingBusListener heard = new RecordingBusListener();
    private CacheClient publisherCache;
    private InvalidationBus publisher;
    private CacheClient subscriberCache;
    private InvalidationBus subscriber;

    InvalidationBusIntegrationTests(TestRedis redis) {
        this.redis = redis;
    }

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

    private CacheClient client() {
        return open(CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix())
                .meterRegistry(new SimpleMeterRegistry()).build());
    }

    /** Instance A publishes; instance B applies, and is subscribed before anything is published. */
    private void twoInstances() {
        publisherCache = client();
        publisher = open(InvalidationBus.builder(publisherCache).meterRegistry(meters).build());
        subscriberCache = client();
        subscriber = open(InvalidationBus.builder(subscriberCache).listener(heard).meterRegistry(meters).build());
        subscriber.start(EventDrivenInvalidator.builder(CacheInvalidator.of(subscriberCache)).meterRegistry(meters).build());
        await().atMost(WAIT).until(subscriber::connected);
    }

    private double skipped(String reason) {
        return meters.get(BusSubscriber.SKIPPED).tag("reason", reason).counter().count();
    }

    @Test
    void anEventPublishedByOneInstanceIsAppliedByTheOther() {
        twoInstances();
        publisherCache.getOrLoad(DETAIL, String.class, () -> "old detail", TTL);

        assertThat(publisher.publish(DomainEvent.of("property.updated", ACME, P1))).isTrue();

        await().atMost(WAIT).until(() -> publisherCache.get(DETAIL, String.class).isEmpty());
        assertThat(meters.get(EventDrivenInvalidator.EVENTS).tag("result", "applied").counter().count()).isEqualTo(1);
    }

    @Test
    void theListenerHearsEveryAppliedEventWithWhatItDid() {
        twoInstances();
        DomainEvent event = DomainEvent.of("score.updated", ACME, P1);

        publisher.publish(event);

        await().atMost(WAIT).until(() -> heard.applied.contains(event));
        assertThat(heard.reports).singleElement()
                .satisfies(report -> assertThat(report.keysInvalidated()).containsExactly(PropertyKeys.score(ACME, P1)));
    }

    @Test
    void malformedPayloadsAreCountedAndSkippedAndTheSubscriptionGoesOn() {
        twoInstances();
        publisherCache.eventStream(InvalidationBus.DEFAULT_STREAM).publish("{not json");
        publisherCache.eventStream(InvalidationBus.DEFAULT_STREAM)
                .publish(DomainEvent.of("score.updated", ACME, P1).toJson().replace("\"acme\"", "\" \""));
        DomainEvent valid = DomainEvent.of("timeline.note_added", ACME, P1);

        publisher.publish(valid);

        await().atMost(WAIT).until(() -> heard.applied.contains(valid));
        assertThat(skipped("malformed")).isEqualTo(2);
        assertThat(heard.applied).containsExactly(valid);
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        twoInstances();
        DomainEvent event = DomainEvent.of("property.deleted", ACME, P1);
        DomainEvent marker = DomainEvent.of("score.updated", ACME, P1);

        publisher.publish(event);
        publisher.publish(event);
        publisher.publish(marker);

        await().atMost(WAIT).until(() -> heard.applied.contains(marker));
        assertThat(heard.appliedIds()).containsExactly(event.id(), marker.id());
        assertThat(skipped("duplicate")).isEqualTo(1);
    }

    @Test
    void anEventAlreadyAppliedInThisProcessIsSkippedWhenTheBusDeliversIt() {
        twoInstances();
        DomainEvent event = DomainEvent.of("property.updated", ACME, P1);
        DomainEvent marker = DomainEvent.of("score.updated", ACME, P1);
        subscriber.markApplied(event);

        publisher.publish(event);
        publisher.publish(marker);

        await().atMost(WAIT).until(() -> heard.applied.contains(marker));
        assertThat(heard.appliedIds()).containsExactly(marker.id());
        assertThat(skipped("duplicate")).isEqualTo(1);
    }

    @Test
    void everyInstanceHearsEveryEventItsOwnIncluded() {
        twoInstances();
        RecordingBusListener publisherHeard = new RecordingBusListener();
        InvalidationBus second = open(InvalidationBus.builder(publisherCache).listener(publisherHeard)
                .meterRegistry(meters).build());
        second.start(EventDrivenInvalidator.builder(CacheInvalidator.of(publisherCache)).meterRegistry(meters).build());
        await().atMost(WAIT).until(second::connected);
        DomainEvent event = DomainEvent.of("property.created", ACME, P1);

        publisher.publish(event);

        await().atMost(WAIT).until(() -> heard.applied.contains(event) && publisherHeard.applied.contains(event));
    }

    @Test
    void anEventOfAnUnknownTypeIsHeardButInvalidatesNothing() {
        twoInstances();
        subscriberCache.getOrLoad(DETAIL, String.class, () -> "detail", TTL);
        DomainEvent event = DomainEvent.of("invoice.paid", ACME, P1);

        publisher.publish(event);

        await().atMost(WAIT).until(() -> heard.applied.contains(event));
        assertThat(subscriberCache.get(DETAIL, String.class)).contains("detail");
        assertThat(meters.get(EventDrivenInvalidator.EVENTS).tag("result", "unknown_type").counter().count()).isEqualTo(1);
    }

    @Test
    void aBusIsStartedOnce() {
        twoInstances();

        assertThatThrownBy(() -> subscriber.start(EventDrivenInvalidator.withDefaults(CacheInvalidator.of(subscriberCache))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisruptsRedis
    void publishingWhileRedisIsDownSaysSo(RedisServer server) {
        CacheClient cache = open(CacheClients.builder().redisUrl(server.uri()).commandTimeout(Duration.ofMillis(200))
                .meterRegistry(new SimpleMeterRegistry()).build());
        InvalidationBus bus = open(InvalidationBus.builder(cache).meterRegistry(meters).build());
        server.stop();

        assertThat(bus.publish(DomainEvent.of("property.updated", ACME, P1))).isFalse();
    }
}
