package com.realestate.cache.test;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives tests a real Redis: injects {@link TestRedis} (shared, isolated by key prefix) and
 * {@link RedisServer} (dedicated, for tests that kill, pause or restart it) into test methods,
 * constructors and lifecycle methods.
 *
 * <p>{@link TestRedis} points at the server named by {@value #URL_SETTING} (a system property, JUnit
 * configuration parameter or environment variable, {@code redis://[[user]:password@]host:port[/db]})
 * or else at one local redis-server shared by the whole JVM. The local server is flushed before each
 * test, so seed data per test rather than in {@code @BeforeAll}; an external server is never
 * flushed, instead each test's keys under {@link TestRedis#keyPrefix()} are deleted after it. If the
 * external server is unreachable, tests that take a {@link TestRedis} fail, or are skipped when
 * {@value #OPTIONAL_SETTING} is {@code true}.
 *
 * <p>A {@link RedisServer} parameter is always a fresh local server, one per test method (the same
 * instance for its constructor, lifecycle methods and every such parameter), closed after the test;
 * resolved in {@code @BeforeAll} it lives for the class. A {@link RedisCluster} parameter is a fresh local
 * cluster with the same lifetime rules. Tests sharing the local server must not run concurrently, since it is
 * flushed before each test.
 */
public final class RedisExtension implements ParameterResolver, TestInstancePreConstructCallback,
        BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    /** Names the external Redis to test against instead of a local one. */
    public static final String URL_SETTING = "TEST_REDIS_URL";

    /** When {@code true}, an unreachable {@value #URL_SETTING} skips tests instead of failing them. */
    public static final String OPTIONAL_SETTING = "TEST_REDIS_OPTIONAL";

    private static final Logger log = LoggerFactory.getLogger(RedisExtension.class);
    private static final Namespace NAMESPACE = Namespace.create(RedisExtension.class);
    private static final String TARGET = "target";
    private static final String SHARED_SERVER = "shared-server";
    private static final String TEST_REDIS = "test-redis:";
    private static final String DEDICATED_SERVER = "dedicated-server:";
    private static final String CLUSTER = "cluster:";
    private static final String FLUSHED = "flushed:";
    private static final Set<String> USED_PREFIXES = ConcurrentHashMap.newKeySet();
    private static final ClassValue<Boolean> TAKES_TEST_REDIS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return takesTestRedis(type, false);
        }
    };
    private static final ClassValue<Boolean> TAKES_TEST_REDIS_STATICALLY = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return takesTestRedis(type, true);
        }
    };

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == TestRedis.class || type == RedisServer.class || type == RedisCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (parameterContext.getParameter().getType() == RedisServer.class) {
            return extensionContext.getStore(NAMESPACE)
                    .computeIfAbsent(DEDICATED_SERVER + extensionContext.getUniqueId(), key -> RedisServer.start(),
                            RedisServer.class);
        }
        if (parameterContext.getParameter().getType() == RedisCluster.class) {
            return extensionContext.getStore(NAMESPACE)
                    .computeIfAbsent(CLUSTER + extensionContext.getUniqueId(), key -> RedisCluster.start(),
                            RedisCluster.class);
        }
        return testRedis(extensionContext);
    }

    /**
     * Skips or fails each test of a class that uses {@link TestRedis} when the external server cannot
     * be used, before anything asks for one: a skip from parameter resolution would count as a failure.
     */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        if (TAKES_TEST_REDIS.get(factoryContext.getTestClass())) {
            target(context).requireReachable();
        }
    }

    /** Same as {@link #preConstructTestInstance}, for classes whose static {@code @BeforeAll} methods take a {@link TestRedis}. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (TAKES_TEST_REDIS_STATICALLY.get(context.getRequiredTestClass())) {
            target(context).requireReachable();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (target(context).isLocal()) {
            RedisServer shared = context.getRoot().getStore(NAMESPACE).get(SHARED_SERVER, RedisServer.class);
            if (shared != null) {
                flushOnce(context, shared);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        release(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        release(context);
    }

    private static TestRedis testRedis(ExtensionContext context) {
        Store store = context.getStore(NAMESPACE);
        String key = TEST_REDIS + context.getUniqueId();
        TestRedis existing = store.get(key, TestRedis.class);
        if (existing != null) {
            return existing;
        }
        Target target = target(context);
        target.requireReachable();
        TestRedis created;
        if (target.external() != null) {
            created = new TestRedis(target.external(), newKeyPrefix(), true);
        } else {
            RedisServer shared = context.getRoot().getStore(NAMESPACE)
                    .computeIfAbsent(SHARED_SERVER, name -> RedisServer.start(), RedisServer.class);
            flushOnce(context, shared);
            created = new TestRedis(RedisEndpoint.local(shared.host(), shared.port()), newKeyPrefix(), false);
        }
        store.put(key, created);
        return created;
    }

    private static void flushOnce(ExtensionContext context, RedisServer shared) {
        Store store = context.getStore(NAMESPACE);
        String key = FLUSHED + context.getUniqueId();
        if (store.get(key) == null) {
            shared.flushAll();
            store.put(key, Boolean.TRUE);
        }
    }

    private static void release(ExtensionContext context) {
        Store store = context.getStore(NAMESPACE);
        TestRedis redis = store.remove(TEST_REDIS + context.getUniqueId(), TestRedis.class);
        RedisServer dedicated = store.remove(DEDICATED_SERVER + context.getUniqueId(), RedisServer.class);
        RedisCluster cluster = store.remove(CLUSTER + context.getUniqueId(), RedisCluster.class);
        try {
            if (redis != null && redis.external()) {
                long deleted = redis.deleteOwnKeys();
                log.debug("Deleted {} keys under {}", deleted, redis.keyPrefix());
            }
        } finally {
            if (dedicated != null) {
                dedicated.close();
            }
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    private static Target target(ExtensionContext context) {
        ExtensionContext root = context.getRoot();
        return root.getStore(NAMESPACE).computeIfAbsent(TARGET, key -> Target.configure(root), Target.class);
    }

    private static String newKeyPrefix() {
        String prefix;
        do {
            prefix = "test:" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ":";
        } while (!USED_PREFIXES.add(prefix));
        return prefix;
    }

    /**
     * Whether a test class (or a superclass, interface or, for inner classes, enclosing class) has a
     * constructor or method with a {@link TestRedis} parameter; with {@code staticOnly}, a static method.
     */
    private static boolean takesTestRedis(Class<?> type, boolean staticOnly) {
        if (type == null || type == Object.class) {
            return false;
        }
        Stream<Executable> members = staticOnly
                ? Arrays.<Executable>stream(type.getDeclaredMethods()).filter(method -> Modifier.isStatic(method.getModifiers()))
                : Stream.concat(Arrays.stream(type.getDeclaredConstructors()), Arrays.stream(type.getDeclaredMethods()));
        boolean declared = members.filter(member -> !member.isSynthetic())
                .anyMatch(member -> Arrays.asList(member.getParameterTypes()).contains(TestRedis.class));
        boolean inner = !staticOnly && type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers());
        return declared
                || takesTestRedis(type.getSuperclass(), staticOnly)
                || Arrays.stream(type.getInterfaces()).anyMatch(parent -> takesTestRedis(parent, staticOnly))
                || (inner && takesTestRedis(type.getEnclosingClass(), false));
    }

    private static Optional<String> setting(ExtensionContext context, String name) {
        return context.getConfigurationParameter(name)
                .filter(value -> !value.isBlank())
                .map(String::strip)
                .or(() -> Settings.lookup(name));
    }

    /**
     * Where {@link TestRedis} points for this test run: the external server, or the local shared one
     * when {@code external} is {@code null}; {@code problem} says why the configured one cannot be used.
     */
    private record Target(RedisEndpoint external, boolean optional, Problem problem) {

        boolean isLocal() {
            return external == null && problem == null;
        }

        static Target configure(ExtensionContext root) {
            Optional<String> url = setting(root, URL_SETTING);
            if (url.isEmpty()) {
                return new Target(null, false, null);
            }
            RedisEndpoint endpoint;
            try {
                endpoint = RedisEndpoint.parse(url.get());
            } catch (IllegalArgumentException e) {
                return new Target(null, false, new Problem(URL_SETTING + " is invalid: " + e.getMessage(), false));
            }
            boolean optional = setting(root, OPTIONAL_SETTING).map(Boolean::parseBoolean).orElse(false);
            return new Target(endpoint, optional, probe(endpoint));
        }

        private static Problem probe(RedisEndpoint endpoint) {
            try (RespConnection connection = RespConnection.open(endpoint, RespConnection.DEFAULT_TIMEOUT)) {
                Object pong = connection.send("PING");
                if (!"PONG".equals(pong)) {
                    return new Problem(URL_SETTING + "=" + endpoint.redactedUri() + " answered PING with " + pong, false);
                }
                log.info("Testing against external Redis {}", endpoint.redactedUri());
                return null;
            } catch (IOException e) {
                return new Problem(URL_SETTING + "=" + endpoint.redactedUri() + " is unreachable: " + e, true);
            } catch (IllegalStateException e) {
                return new Problem(URL_SETTING + "=" + endpoint.redactedUri() + " refused the harness: "
                        + e.getMessage(), false);
            }
        }

        /** Aborts (optional and unreachable) or fails if {@link TestRedis} cannot be served. */
        void requireReachable() {
            if (problem == null) {
                return;
            }
            if (optional && problem.unreachable()) {
                Assumptions.abort(problem.message() + " (skipping: " + OPTIONAL_SETTING + "=true)");
            }
            throw new IllegalStateException(problem.message() + (problem.unreachable()
                    ? ". Start that server, set " + OPTIONAL_SETTING + "=true to skip these tests, or unset "
                            + URL_SETTING + " to use a local redis-server."
                    : "."));
        }
    }

    /** Why an external server cannot be used; only {@code unreachable} ones may be skipped. */
    private record Problem(String message, boolean unreachable) {
    }
}
