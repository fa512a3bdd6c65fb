package com.realestate.cache.memo;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheConfigurationException;
import com.realestate.cache.client.LoadPolicy;
import com.realestate.cache.key.KeyPart;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.core.type.TypeReference;

/**
 * Wraps plain Java functions so that their results are cached in Redis (the original's {@code @cached}).
 * Each memoized function is one named cache view: its entries live under {@code <prefix><name>:}, it can be
 * cleared as a whole or for one argument list, and it loads through {@link CacheClient#getOrLoad} with all its
 * protections. The name is a key part ({@link KeyPart}, percent-encoded), so no function's entries lie under
 * another's: clearing {@code "a"} never touches {@code "a:b"}.
 *
 * <pre>{@code
 * MemoizedFunction<String, Score> score = Memoizer.builder(cache, "score")
 *         .ttl(Duration.ofMinutes(30))
 *         .function(scoring::compute, Score.class);
 * Score s = score.apply("property-42");
 * }</pre>
 */
public final class Memoizer {

    private Memoizer() {
    }

    /**
     * Starts a memoized function called {@code name} on {@code client}; the name is also its metrics tag. One
     * builder makes one function: two functions on one name would answer each other's calls with the same arguments.
     */
    public static Builder builder(CacheClient client, String name) {
        return new Builder(Objects.requireNonNull(client, "client"), Objects.requireNonNull(name, "name"));
    }

    /** Settings of one memoized function; every setting is optional but the name. */
    public static final class Builder {

        private final CacheClient client;
        private final String name;
        private String prefix;
        private LoadPolicy policy;
        private MemoKeyBuilder keyBuilder = new JsonArgumentKeys();

        private Builder(CacheClient client, String name) {
            this.client = client;
            this.name = name;
            this.policy = client.loadPolicy();
        }

        /** How long results stay fresh; the client's default TTL unless set. */
        public Builder ttl(Duration ttl) {
            policy = policy.withTtl(ttl);
            return this;
        }

        /** Every loading layer at once (jitter, negative caching, lease, refresh…); replaces an earlier {@link #ttl}. */
        public Builder policy(LoadPolicy value) {
            policy = Objects.requireNonNull(value, "policy");
            return this;
        }

        /**
         * The key segment the entries live under, instead of the name: for a function that must find the entries
         * of an earlier one (a renamed metric, two services memoizing one computation). Percent-encoded as the name is.
         */
        public Builder prefix(String value) {
            prefix = Objects.requireNonNull(value, "prefix");
            return this;
        }

        /** How arguments become keys; by default canonical JSON of the arguments. */
        public Builder keyBuilder(MemoKeyBuilder value) {
            keyBuilder = Objects.requireNonNull(value, "keyBuilder");
            return this;
        }

        /** Memoizes a one-argument function whose results are of {@code type}. */
        public <A, R> MemoizedFunction<A, R> function(Function<? super A, ? extends R> function, Class<R> type) {
            return new MemoizedFunction<>(Calls.of(view(), keyBuilder, type), function);
        }

        /** As {@link #function(Function, Class)}, for generic result types such as {@code List<Listing>}. */
        public <A, R> MemoizedFunction<A, R> function(Function<? super A, ? extends R> function, TypeReference<R> type) {
            return new MemoizedFunction<>(Calls.of(view(), keyBuilder, type), function);
        }

        /** Memoizes a two-argument function whose results are of {@code type}. */
        public <A, B, R> MemoizedBiFunction<A, B, R> biFunction(
                BiFunction<? super A, ? super B, ? extends R> function, Class<R> type) {
            return new MemoizedBiFunction<>(Calls.of(view(), keyBuilder, type), function);
        }

        /** As {@link #biFunction(BiFunction, Class)}, for generic result types. */
        public <A, B, R> MemoizedBiFunction<A, B, R> biFunction(
                BiFunction<? super A, ? super B, ? extends R> function, TypeReference<R> type) {
            return new MemoizedBiFunction<>(Calls.of(view(), keyBuilder, type), function);
        }

        private CacheClient view() {
            String segment = prefix != null ? prefix : name;
            try {
                return client.scoped(name, KeyPart.encode("memoizer key segment", segment), policy);
            } catch (IllegalArgumentException e) {
                throw new CacheConfigurationException("memoizer '" + name + "': " + e.getMessage());
            }
        }
    }

    /** Runs the calls of one memoized function: key building, loading through the view, clearing. */
    static final class Calls<R> {

        private final CacheClient view;
        private final MemoKeyBuilder keys;
        private final BiFunction<String, Supplier<? extends R>, Optional<R>> loader;

        private Calls(CacheClient view, MemoKeyBuilder keys, BiFunction<String, Supplier<? extends R>, Optional<R>> loader) {
            this.view = view;
            this.keys = keys;
            this.loader = loader;
        }

        static <R> Calls<R> of(CacheClient view, MemoKeyBuilder keys, Class<R> type) {
            Objects.requireNonNull(type, "type");
            return new Calls<>(view, keys, (key, supplier) -> view.getOrLoad(key, type, supplier, view.loadPolicy()));
        }

        static <R> Calls<R> of(CacheClient view, MemoKeyBuilder keys, TypeReference<R> type) {
            Objects.requireNonNull(type, "type");
            return new Calls<>(view, keys, (key, supplier) -> view.getOrLoad(key, type, supplier, view.loadPolicy()));
        }

        /** The cached result for {@code arguments}, or {@code compute}'s; {@code null} stands for an absent result. */
        R call(List<?> arguments, Supplier<? extends R> compute) {
            return loader.apply(keys.key(arguments), compute).orElse(null);
        }

        void clear(List<?> arguments) {
            view.invalidate(keys.key(arguments));
        }

        void clearAll() {
            view.flush();
        }
    }
}
