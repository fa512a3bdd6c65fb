package com.realestate.cache.invalidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.client.BreakerSettings;
import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheClients;
import com.realestate.cache.client.CacheKey;
import com.realestate.cache.key.ListQuery;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Invalidations that Redis could not carry out are neither lost nor ignored by reads: Redis is black-holed
 * (SIGSTOP) while the database changes, and comes back still holding the old value.
 */
@RedisTest
@DisruptsRedis
class DurableInvalidatorIntegrationTests {

    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final TenantId ACME = new TenantId("acme");
    private static final PropertyId P1 = new PropertyId("1");
    private static final CacheKey SCORE = PropertyKeys.scoreKey(ACME, P1);
    private static final CacheKey LIST = PropertyKeys.listKey(ACME, ListQuery.builder().build());
    /** Retries so slow that only the read path can have carried out a pending invalidation. */
    private static final Duration NO_BACKGROUND_RETRY = Duration.ofMinutes(5);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<AutoCloseable> opened = new ArrayList<>();
    /** The "database" behind the cache. */
    private final AtomicReference<String> database = new AtomicReference<>("v0");

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    /**
     * A client whose breaker opens after one failed call and probes again after 200 ms, so that a black-holed
     * Redis is noticed after one command timeout and the invalidation never reaches it.
     */
    private CacheClient client(RedisServer server) {
        return open(CacheClients.builder().redisUrl(server.uri()).keyPrefix("durable:")
                .commandTimeout(Duration.ofMillis(200)).connectTimeout(Duration.ofMillis(500))
                .breaker(new BreakerSettings(50, 1, 1, Duration.ofMillis(200), 1))
                .meterRegistry(meters).build());
    }

    /** A client of the ACL user {@code app}, whose rights a test can take away to make Redis refuse invalidations. */
    private CacheClient clientOfAclUser(RedisServer server) {
        server.command("ACL", "SETUSER", "app", "on", ">secret", "~*", "+@all");
        return open(CacheClients.builder().redisUrl("redis://app:secret@127.0.0.1:" + server.port())
                .keyPrefix("durable:").meterRegistry(meters).build());
    }

    /** A client that is idle during outages, to look at what Redis really holds. */
    private CacheClient observer(RedisServer server) {
        return open(CacheClients.builder().redisUrl(server.uri()).keyPrefix("durable:")
                .meterRegistry(new SimpleMeterRegistry()).build());
    }

    private DurableInvalidator durable(CacheClient client, InvalidationOutbox outbox, Duration backoff) {
        return open(DurableInvalidator.builder(client).outbox(outbox).retryBackoff(backoff, backoff)
                .meterRegistry(meters).build());
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private Supplier<String> fromDatabase() {
        return database::get;
    }

    /** Black-holes Redis and waits until the client's breaker has opened on it. */
    private static void blackHole(RedisServer server, CacheClient client) {
        server.pause();
        await().atMost(WAIT).until(() -> {
            client.get("probe", String.class);
            return !client.isAvailable();
        });
    }

    private static void awaitAvailable(CacheClient client) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            client.exists("probe");
            return client.isAvailable();
        });
    }

    @Test
    void afterAnOutageNoReadReturnsAValueCachedBeforeAnInvalidation(RedisServer server) {
        CacheClient cache = client(server);
        CacheClient redis = observer(server);
        DurableInvalidator invalidator = durable(cache, new InMemoryInvalidationOutbox(), NO_BACKGROUND_RETRY);
        AtomicReference<String> scoreRow = new AtomicReference<>("score v0");
        AtomicReference<String> listRows = new AtomicReference<>("list v0");
        int rounds = 20;
        int staleInRedis = 0;
        List<String> staleReads = new ArrayList<>();

        for (int round = 1; round <= rounds; round++) {
            boolean group = round % 2 == 0;
            CacheKey key = group ? LIST : SCORE;
            AtomicReference<String> row = group ? listRows : scoreRow;
            String before = row.get();
            awaitAvailable(cache);
            await().atMost(WAIT).until(() -> before.equals(invalidator.getOrLoad(key, String.class, row::get, TTL)
                    .orElse(null)) && before.equals(redis.get(key, String.class).orElse(null)));

            blackHole(server, cache);
            row.set((group ? "list v" : "score v") + round);
            InvalidationReport report = group ? invalidator.invalidatePropertyLists(ACME)
                    : invalidator.invalidatePropertyScore(ACME, P1);
            server.resume();

            assertThat(report.complete()).isFalse();
            if (before.equals(redis.get(key, String.class).orElse(null))) {
                staleInRedis++;
            }
            if (round % 4 >= 2) {
                awaitAvailable(cache);
            }
            String read = invalidator.getOrLoad(key, String.class, row::get, TTL).orElseThrow();
            if (!read.equals(row.get())) {
                staleReads.add("round " + round + ": read '" + read + "', the database has '" + row.get() + "'");
            }
        }

        assertThat(staleReads).isEmpty();
        assertThat(staleInRedis).as("rounds where Redis still held the old value").isEqualTo(rounds);
        assertThat(meters.get(DurableInvalidator.BYPASSED).counter().count())
                .as("reads that skipped the cache: not those that could carry out the invalidation first")
                .isLessThan(rounds);
    }

    /**
     * Redis is up but refuses this client's writes (its ACL user loses SET, DEL and UNLINK), so the invalidation
     * fails while the old value stays readable: the one case where only the read path stands between a caller
     * and a stale value.
     */
    @Test
    void whileAnInvalidationIsPendingReadsSkipTheCacheAndStoreNothing(RedisServer server) {
        CacheClient cache = clientOfAclUser(server);
        CacheClient redis = observer(server);
        DurableInvalidator invalidator = durable(cache, new InMemoryInvalidationOutbox(), NO_BACKGROUND_RETRY);
        invalidator.getOrLoad(SCORE, String.class, fromDatabase(), TTL);
        server.command("ACL", "SETUSER", "app", "-set", "-del", "-unlink");

        database.set("v1");
        assertThat(invalidator.invalidatePropertyScore(ACME, P1).complete()).isFalse();

        assertThat(invalidator.getOrLoad(SCORE, String.class, fromDatabase(), TTL)).contains("v1");
        assertThat(invalidator.mayServe(SCORE)).isFalse();
        assertThat(redis.get(SCORE, String.class)).as("what Redis holds").contains("v0");
        assertThat(meters.get(DurableInvalidator.BYPASSED).counter().count()).isEqualTo(1);
    }

    @Test
    void aReadCarriesOutThePendingInvalidationOfItsKeyWhenRedisTakesItAgain(RedisServer server) {
        CacheClient cache = clientOfAclUser(server);
        DurableInvalidator invalidator = durable(cache, new InMemoryInvalidationOutbox(), NO_BACKGROUND_RETRY);
        invalidator.getOrLoad(LIST, String.class, fromDatabase(), TTL);
        server.command("ACL", "SETUSER", "app", "-set", "-del", "-unlink");
        database.set("v1");
        invalidator.invalidatePropertyLists(ACME);
        server.command("ACL", "SETUSER", "app", "+@all");

        assertThat(invalidator.getOrLoad(LIST, String.class, fromDatabase(), TTL)).contains("v1");

        assertThat(invalidator.pending()).isEmpty();
        assertThat(cache.get(LIST, String.class)).as("stored again").contains("v1");
        assertThat(meters.get(DurableInvalidator.BYPASSED).counter().count()).isZero();
    }

    @Test
    void aPendingFlushOfEverythingIsLeftToTheBackgroundAndNeverRunByAReader(RedisServer server) {
        CacheClient cache = clientOfAclUser(server);
        CacheClient redis = observer(server);
        DurableInvalidator invalidator = open(DurableInvalidator.builder(cache).maxPending(1)
                .retryBackoff(NO_BACKGROUND_RETRY, NO_BACKGROUND_RETRY).meterRegistry(meters).build());
        invalidator.getOrLoad(SCORE, String.class, fromDatabase(), TTL);
        server.command("ACL", "SETUSER", "app", "-set", "-del", "-unlink");
        invalidator.invalidatePropertyScore(ACME, new PropertyId("2"));
        invalidator.invalidatePropertyScore(ACME, new PropertyId("3"));
        server.command("ACL", "SETUSER", "app", "+@all");

        assertThat(invalidator.pending()).singleElement().satisfies(pending ->
                assertThat(pending.invalidation().flush()).isTrue());
        assertThat(invalidator.mayServe(SCORE)).isFalse();
        assertThat(redis.get(SCORE, String.class)).as("no reader flushed the cache").contains("v0");
    }

    @Test
    void anEventRedisCouldNotApplyIsKeptAndCarriedOutOnceItCan(RedisServer server) {
        CacheClient cache = clientOfAclUser(server);
        DurableInvalidator durable = durable(cache, new InMemoryInvalidationOutbox(), Duration.ofMillis(50));
        EventDrivenInvalidator events = EventDrivenInvalidator.builder(durable).meterRegistry(meters).build();
        durable.getOrLoad(LIST, String.class, fromDatabase(), TTL);
        server.command("ACL", "SETUSER", "app", "-set", "-del", "-unlink");

        InvalidationReport report = events.handle(DomainEvent.of("property.created", ACME, P1));
        server.command("ACL", "SETUSER", "app", "+@all");

        assertThat(report.complete()).isFalse();
        await().atMost(WAIT).until(() -> durable.pending().isEmpty());
        assertThat(cache.get(LIST, String.class)).isEmpty();
    }

    @Test
    void aPendingInvalidationIsCarriedOutInTheBackgroundOnceRedisIsBack(RedisServer server) {
        CacheClient cache = client(server);
        CacheClient redis = observer(server);
        InMemoryInvalidationOutbox outbox = new InMemoryInvalidationOutbox();
        DurableInvalidator invalidator = durable(cache, outbox, Duration.ofMillis(50));
        invalidator.getOrLoad(SCORE, String.class, fromDatabase(), TTL);

        blackHole(server, cache);
        database.set("v1");
        invalidator.invalidatePropertyScore(ACME, P1);
        assertThat(outbox.pending()).singleElement()
                .satisfies(pending -> assertThat(pending.invalidation()).isEqualTo(PropertyInvalidations.score(ACME, P1)));
        server.resume();

        await().atMost(WAIT).until(() -> invalidator.pending().isEmpty());
        assertThat(redis.get(SCORE, String.class)).isEmpty();
        assertThat(outbox.pending()).isEmpty();
        assertThat(meters.get(DurableInvalidator.RETRIES).tag("result", "complete").counter().count()).isPositive();
    }

    @Test
    void aRestartedProcessReplaysItsOutboxAndTheStaleValueIsGone(RedisServer server) {
        InvalidationOutbox database = new InMemoryInvalidationOutbox();
        CacheClient redis = observer(server);
        CacheClient before = client(server);
        DurableInvalidator crashed = durable(before, database, NO_BACKGROUND_RETRY);
        crashed.getOrLoad(SCORE, String.class, fromDatabase(), TTL);
        crashed.getOrLoad(LIST, String.class, fromDatabase(), TTL);
        blackHole(server, before);
        this.database.set("v1");
        crashed.invalidateProperty(ACME, P1);
        crashed.close();
        server.resume();
        before.close();
        assertThat(redis.get(SCORE, String.class)).as("stale in Redis").contains("v0");
        assertThat(database.pending()).isNotEmpty();

        DurableInvalidator restarted = durable(client(server), database, Duration.ofMillis(50));

        await().atMost(WAIT).until(() -> database.pending().isEmpty());
        assertThat(redis.get(SCORE, String.class)).isEmpty();
        assertThat(redis.get(LIST, String.class)).isEmpty();
        assertThat(restarted.getOrLoad(SCORE, String.class, fromDatabase(), TTL)).contains("v1");
    }

    @Test
    void aRestartedProcessNeverServesAValueItsOutboxStillInvalidates(RedisServer server) {
        InvalidationOutbox database = new InMemoryInvalidationOutbox();
        CacheClient observer = observer(server);
        observer.getOrLoad(SCORE, String.class, fromDatabase(), TTL);
        this.database.set("v1");
        database.record(PendingInvalidation.of(PropertyInvalidations.score(ACME, P1), java.time.Instant.now()));

        CacheClient cache = client(server);
        blackHole(server, cache);
        DurableInvalidator restarted = durable(cache, database, NO_BACKGROUND_RETRY);
        server.resume();

        assertThat(restarted.pending()).hasSize(1);
        assertThat(restarted.getOrLoad(SCORE, String.class, fromDatabase(), TTL)).contains("v1");
    }

    @Test
    void replayTakesOverWhatAServiceCommittedToTheOutboxItself(RedisServer server) {
        InvalidationOutbox database = new InMemoryInvalidationOutbox();
        CacheClient cache = client(server);
        DurableInvalidator invalidator = durable(cache, database, NO_BACKGROUND_RETRY);
        invalidator.getOrLoad(SCORE, String.class, fromDatabase(), TTL);
        this.database.set("v1");
        database.record(PendingInvalidation.of(PropertyInvalidations.score(ACME, P1), java.time.Instant.now()));

        InvalidationReport report = invalidator.replay();

        assertThat(report.complete()).isTrue();
        assertThat(database.pending()).isEmpty();
        assertThat(invalidator.getOrLoad(SCORE, String.class, fromDatabase(), TTL)).contains("v1");
    }

    @Test
    void takeOverLeavesWhatAnotherInstanceLeftInTheOutboxToTheBackgroundRetries(RedisServer server) {
        InvalidationOutbox database = new InMemoryInvalidationOutbox();
        CacheClient cache = client(server);
        DurableInvalidator invalidator = durable(cache, database, Duration.ofMillis(50));
        invalidator.getOrLoad(SCORE, String.class, fromDatabase(), TTL);
        this.database.set("v1");
        database.record(PendingInvalidation.of(PropertyInvalidations.score(ACME, P1), java.time.Instant.now()));

        assertThat(invalidator.takeOver()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> database.pending().isEmpty());
        assertThat(invalidator.takeOver()).as("nothing left to take over").isZero();
        assertThat(invalidator.getOrLoad(SCORE, String.class, fromDatabase(), TTL)).contains("v1");
    }

    @Test
    void anInvalidationRedisCarriesOutLeavesNothingPending(RedisServer server) {
        InMemoryInvalidationOutbox outbox = new InMemoryInvalidationOutbox();
        DurableInvalidator invalidator = durable(client(server), outbox, NO_BACKGROUND_RETRY);

        InvalidationReport report = invalidator.invalidateProperty(ACME, P1);

        assertThat(report.complete()).isTrue();
        assertThat(invalidator.pending()).isEmpty();
        assertThat(outbox.pending()).isEmpty();
    }
}
