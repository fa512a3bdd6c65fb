package com.realestate.cache.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Tags tests that take a dedicated {@link RedisServer} to kill, pause or restart it, or a {@link RedisCluster}
 * ({@code disrupts-redis}).
 *
 * <p>Such tests always start local redis-server processes. A run aimed at an external server via
 * {@code TEST_REDIS_URL} that must not spawn processes can leave them out with
 * {@code -DexcludedGroups=disrupts-redis}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("disrupts-redis")
public @interface DisruptsRedis {
}
