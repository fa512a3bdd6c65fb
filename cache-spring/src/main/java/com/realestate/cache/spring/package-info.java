/**
 * Spring Boot auto-configuration that serves Spring's cache abstraction ({@code @Cacheable}, {@code @CachePut},
 * {@code @CacheEvict}, {@code @Caching}) from Redis through the library's {@code CacheClient}: per-cache TTLs and
 * loading policies from {@code realestate.cache.*}, single-flight {@code sync = true} loads, fenced evictions and
 * one-command clears, typed JSON limited to trusted packages, meters per cache, and a health indicator that reports
 * an outage as {@code DEGRADED}, never {@code DOWN}. Start with {@link com.realestate.cache.spring.RealEstateCacheAutoConfiguration}.
 */
@NullMarked
package com.realestate.cache.spring;

import org.jspecify.annotations.NullMarked;
