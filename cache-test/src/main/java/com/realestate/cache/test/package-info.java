/**
 * A JUnit Jupiter harness that runs real {@code redis-server} processes on free loopback ports, so
 * cache tests exercise a real server, including its outages, without Docker or a shared instance.
 *
 * <p>Start with {@link com.realestate.cache.test.RedisTest @RedisTest} and a
 * {@link com.realestate.cache.test.TestRedis} or {@link com.realestate.cache.test.RedisServer} parameter.
 */
package com.realestate.cache.test;
