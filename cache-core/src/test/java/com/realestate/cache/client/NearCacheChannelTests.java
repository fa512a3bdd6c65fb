package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.tier.NearCache;
import com.realestate.cache.tier.NearCacheSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NearCacheChannelTests {

    private final RecordingStream stream = new RecordingStream();
    private final NearCacheChannel channel = new NearCacheChannel(CacheSettings.defaults(), stream, false);

    /** An event stream that keeps what is published and lets the test play the subscription's part. */
    private static final class RecordingStream implements EventStream {
        final List<String> published = new ArrayList<>();
        boolean available = true;
        StreamListener listener;

        @Override
        public Optional<String> publish(String payload) {
            if (!available) {
                return Optional.empty();
            }
            published.add(payload);
            return Optional.of(published.size() + "-0");
        }

        @Override
        public Subscription subscribe(String afterId, StreamListener listener) {
            this.listener = listener;
            return new Subscription() {
                @Override
                public String lastDeliveredId() {
                    return "0-0";
                }

                @Override
                public boolean connected() {
                    return true;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    @AfterEach
    void close() {
        channel.close();
    }

    private static void fill(NearCache near, String key, String... groups) {
        near.fill(near.stamp(key, groups), key, String.class, "value of " + key, Duration.ofMinutes(1));
    }

    @Test
    void aNearCacheServesOnlyOnceTheStreamHasBeenReadUpToNow() {
        NearCache near = channel.register("", NearCacheSettings.defaults());
        assertThat(near.serving()).isFalse();

        stream.listener.onCaughtUp();

        assertThat(near.serving()).isTrue();
        assertThat(channel.register("", NearCacheSettings.defaults()).serving()).isTrue();
    }

    @Test
    void eventsFromOtherInstancesInvalidateKeysGroupsAndEverything() {
        NearCache near = channel.register("", NearCacheSettings.defaults());
        stream.listener.onCaughtUp();
        fill(near, "a");
        fill(near, "b", "g");
        fill(near, "c");

        stream.listener.onEvent("1-0", "ka");
        stream.listener.onEvent("2-0", "gg");
        assertThat(near.lookup("a", String.class)).isNull();
        assertThat(near.lookup("b", String.class)).isNull();
        assertThat(near.lookup("c", String.class)).isNotNull();

        stream.listener.onEvent("3-0", "c");
        assertThat(near.lookup("c", String.class)).isNull();
    }

    @Test
    void aDisconnectSuspendsAndEmptiesUntilTheStreamIsCaughtUpAgain() {
        NearCache near = channel.register("", NearCacheSettings.defaults());
        stream.listener.onCaughtUp();
        fill(near, "a");

        stream.listener.onDisconnect();
        assertThat(near.serving()).isFalse();
        stream.listener.onResume("1-0");
        stream.listener.onCaughtUp();

        assertThat(near.serving()).isTrue();
        assertThat(near.lookup("a", String.class)).isNull();
    }

    @Test
    void aNearCacheHearsOnlyOfKeysUnderItsPrefixAndHoldsThemByTheCallersKey() {
        NearCache details = channel.register("app:details:", NearCacheSettings.defaults());
        NearCache scores = channel.register("app:scores:", NearCacheSettings.defaults());
        stream.listener.onCaughtUp();
        fill(details, "42");
        fill(scores, "42");

        stream.listener.onEvent("1-0", "kapp:details:42");

        assertThat(details.lookup("42", String.class)).isNull();
        assertThat(scores.lookup("42", String.class)).isNotNull();
    }

    @Test
    void aGapEmptiesTheNearCaches() {
        NearCache near = channel.register("", NearCacheSettings.defaults());
        stream.listener.onCaughtUp();
        fill(near, "a");

        stream.listener.onGap("1-0");

        assertThat(near.lookup("a", String.class)).isNull();
    }

    @Test
    void silenceLongerThanABlockingReadSuspendsTheNearCaches() {
        NearCache near = channel.register("", NearCacheSettings.defaults());
        stream.listener.onCaughtUp();

        await().atMost(Duration.ofSeconds(10)).until(() -> !near.serving());
        stream.listener.onCaughtUp();
        assertThat(near.serving()).isTrue();
    }

    @Test
    void writesAreAnnouncedOnceANearCacheExistsAndReportWhetherTheyWereHeard() {
        assertThat(channel.keyChanged("before")).isTrue();
        assertThat(stream.published).isEmpty();

        NearCache near = channel.register("", NearCacheSettings.defaults());
        stream.listener.onCaughtUp();
        fill(near, "k");
        channel.keyChanged("k");
        channel.groupChanged("g");
        channel.everythingChanged();
        assertThat(stream.published).containsExactly("kk", "gg", "c");
        assertThat(near.lookup("k", String.class)).isNull();

        stream.available = false;
        assertThat(channel.keyChanged("k")).isFalse();
    }
}
