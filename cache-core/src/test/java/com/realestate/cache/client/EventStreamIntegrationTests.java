package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.test.DisruptsRedis;
import com.realestate.cache.test.RedisServer;
import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@RedisTest
class EventStreamIntegrationTests {

    private final List<CacheClient> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(CacheClient::close);
    }

    private CacheClient client(String url, String prefix) {
        CacheClient client = CacheClients.builder().redisUrl(url).keyPrefix(prefix)
                .commandTimeout(Duration.ofMillis(300)).meterRegistry(new SimpleMeterRegistry()).build();
        clients.add(client);
        return client;
    }

    @Test
    void everySubscriberReceivesEveryEntryInOrder(TestRedis redis) {
        EventStream publisher = client(redis.uri(), redis.keyPrefix()).eventStream("events");
        RecordingStreamListener first = new RecordingStreamListener();
        RecordingStreamListener second = new RecordingStreamListener();
        Subscription one = client(redis.uri(), redis.keyPrefix()).eventStream("events").subscribe("$", first);
        Subscription two = client(redis.uri(), redis.keyPrefix()).eventStream("events").subscribe("$", second);
        await().atMost(Duration.ofSeconds(5)).until(() -> one.connected() && two.connected());

        for (int i = 0; i < 50; i++) {
            assertThat(publisher.publish("event " + i)).isPresent();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> first.payloads.size() == 50 && second.payloads.size() == 50);
        assertThat(first.payloads).startsWith("event 0", "event 1").endsWith("event 49");
        assertThat(second.payloads).isEqualTo(first.payloads);
    }

    @Test
    void aSubscriptionFromTheStartCatchesUpOnEverythingPublishedBefore(TestRedis redis) {
        EventStream stream = client(redis.uri(), redis.keyPrefix()).eventStream("events");
        stream.publish("before 1");
        stream.publish("before 2");
        RecordingStreamListener recorder = new RecordingStreamListener();

        stream.subscribe("0-0", recorder);

        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.payloads.size() == 2);
        assertThat(recorder.payloads).containsExactly("before 1", "before 2");
    }

    @Test
    @DisruptsRedis
    void publishingWhileRedisIsDownSaysSoWithoutThrowing(RedisServer server) {
        EventStream stream = client(server.uri(), "s:").eventStream("events");
        server.stop();

        assertThat(stream.publish("lost?")).isEmpty();
    }

    @Test
    @DisruptsRedis
    void aSubscriberThatLostItsConnectionResumesAfterItsLastEntry(RedisServer server) throws Exception {
        EventStream publisher = client(server.uri(), "s:").eventStream("events");
        CountDownLatch holdFirst = new CountDownLatch(1);
        RecordingStreamListener recorder = heldAtItsFirstEntry(server, publisher, holdFirst);

        publisher.publish("e2");
        publisher.publish("e3");
        server.command("CLIENT", "KILL", "TYPE", "normal");
        holdFirst.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.payloads.size() == 3);
        assertThat(recorder.payloads).containsExactly("e1", "e2", "e3");
        assertThat(recorder.disconnects).hasValue(1);
        assertThat(recorder.resumes).hasValue(1);
        assertThat(recorder.gaps).isEmpty();
    }

    @Test
    @DisruptsRedis
    void entriesTrimmedBeforeTheyWereReadAreReportedAsAGap(RedisServer server) throws Exception {
        EventStream publisher = client(server.uri(), "s:").eventStream("events");
        CountDownLatch holdFirst = new CountDownLatch(1);
        RecordingStreamListener recorder = heldAtItsFirstEntry(server, publisher, holdFirst);

        publisher.publish("e2");
        publisher.publish("e3");
        server.command("XTRIM", "s:events", "MAXLEN", "1");
        server.command("CLIENT", "KILL", "TYPE", "normal");
        holdFirst.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.gaps.size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.payloads.contains("e3"));
        assertThat(recorder.payloads).doesNotContain("e2");
    }

    @Test
    @DisruptsRedis
    void entriesTrimmedWhileTheListenerWorkedAreReportedAsAGapWithoutAReconnect(RedisServer server) {
        EventStream publisher = client(server.uri(), "s:").eventStream("events");
        CountDownLatch holdFirst = new CountDownLatch(1);
        RecordingStreamListener recorder = heldAtItsFirstEntry(server, publisher, holdFirst);

        for (int i = 2; i <= 8; i++) {
            publisher.publish("e" + i);
        }
        server.command("XTRIM", "s:events", "MAXLEN", "1");
        holdFirst.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.gaps.size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.payloads.contains("e8"));
        assertThat(recorder.payloads).doesNotContain("e2");
        assertThat(recorder.disconnects).hasValue(0);
    }

    @Test
    void anEntryPublishedRightAfterSubscribingIsDeliveredWhenTheReaderConnectsLater(TestRedis redis) {
        EventStream publisher = client(redis.uri(), redis.keyPrefix()).eventStream("events");
        publisher.publish("before");
        RecordingStreamListener recorder = new RecordingStreamListener();

        client(redis.uri(), redis.keyPrefix()).eventStream("events").subscribe("$", recorder);
        publisher.publish("right after");

        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.payloads.contains("right after"));
        assertThat(recorder.payloads).containsExactly("right after");
    }

    @Test
    @DisruptsRedis
    void aServerRestartedWithoutTheStreamIsReportedAsAGapAndReadingGoesOn(RedisServer server) {
        EventStream publisher = client(server.uri(), "s:").eventStream("events");
        RecordingStreamListener recorder = new RecordingStreamListener();
        Subscription subscription = client(server.uri(), "s:").eventStream("events").subscribe("$", recorder);
        await().atMost(Duration.ofSeconds(5)).until(subscription::connected);
        publisher.publish("e1");
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.payloads.contains("e1"));
        String lastSeen = subscription.lastDeliveredId();

        server.restart();

        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.gaps.size() == 1);
        assertThat(recorder.gaps).containsExactly(lastSeen);
        await().atMost(Duration.ofSeconds(10)).until(() -> publisher.publish("after restart").isPresent());
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.payloads.contains("after restart"));
        assertThat(recorder.disconnects).hasValue(1);
        assertThat(recorder.resumes).hasValue(1);
    }

    @Test
    @DisruptsRedis
    void aSubscriberStartedWhileRedisIsDownConnectsWhenItComesUp(RedisServer server) {
        server.stop();
        RecordingStreamListener recorder = new RecordingStreamListener();
        Subscription subscription = client(server.uri(), "s:").eventStream("events").subscribe("$", recorder);

        server.restart();
        await().atMost(Duration.ofSeconds(10)).until(subscription::connected);
        EventStream publisher = client(server.uri(), "s:").eventStream("events");
        publisher.publish("after start");

        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.payloads.contains("after start"));
    }

    /** A subscriber of {@code s:events} that has been given its first entry, {@code e1}, and holds it until released. */
    private RecordingStreamListener heldAtItsFirstEntry(RedisServer server, EventStream publisher, CountDownLatch release) {
        RecordingStreamListener recorder = holdingAt("e1", release);
        Subscription subscription = client(server.uri(), "s:").eventStream("events").subscribe("$", recorder);
        await().atMost(Duration.ofSeconds(5)).until(subscription::connected);
        publisher.publish("e1");
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.payloads.size() == 1);
        return recorder;
    }

    /** A recorder that, on {@code payload}, holds the subscription's thread until {@code release} opens. */
    private static RecordingStreamListener holdingAt(String payload, CountDownLatch release) {
        return new RecordingStreamListener() {
            @Override
            public void onEvent(String id, String received) {
                super.onEvent(id, received);
                if (received.equals(payload)) {
                    hold(release);
                }
            }
        };
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
