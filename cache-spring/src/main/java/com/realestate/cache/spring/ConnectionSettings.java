package com.realestate.cache.spring;

import com.realestate.cache.client.CacheConfigurationException;
import com.realestate.cache.client.CacheSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The client's {@link CacheSettings} from {@code realestate.cache.*}, with each setting left unset taken from the
 * library's variable of the Spring {@link Environment} (so {@code REDIS_URL} and friends keep working as
 * environment variables, system properties or application properties) and then from the library's defaults.
 */
final class ConnectionSettings {

    private ConnectionSettings() {
    }

    /**
     * @throws CacheConfigurationException naming the property or variable whose value cannot work
     */
    static CacheSettings resolve(RealEstateCacheProperties properties, Environment environment) {
        Map<String, String> variables = new HashMap<>();
        fallback(variables, environment, "REDIS_URL", properties.redisUrl());
        fallback(variables, environment, "REDIS_CLUSTER", properties.cluster());
        fallback(variables, environment, "CACHE_KEY_PREFIX", properties.keyPrefix());
        fallback(variables, environment, "CACHE_DEFAULT_TTL", properties.defaultTtl());
        fallback(variables, environment, "CACHE_COMMAND_TIMEOUT_MS", properties.commandTimeout());
        fallback(variables, environment, "CACHE_CONNECT_TIMEOUT_MS", properties.connectTimeout());
        CacheSettings settings = CacheSettings.fromEnvironment(variables);
        settings = override(settings, "redis-url", properties.redisUrl(), CacheSettings::withRedisUrl);
        settings = override(settings, "cluster", properties.cluster(), CacheSettings::withCluster);
        settings = override(settings, "key-prefix", properties.keyPrefix(), CacheSettings::withKeyPrefix);
        settings = override(settings, "default-ttl", properties.defaultTtl(), CacheSettings::withDefaultTtl);
        settings = override(settings, "command-timeout", properties.commandTimeout(), CacheSettings::withCommandTimeout);
        return override(settings, "connect-timeout", properties.connectTimeout(), CacheSettings::withConnectTimeout);
    }

    private static void fallback(Map<String, String> variables, Environment environment, String variable,
                                 @Nullable Object property) {
        String value = property == null ? environment.getProperty(variable) : null;
        if (value != null) {
            variables.put(variable, value);
        }
    }

    private static <T> CacheSettings override(CacheSettings settings, String property, @Nullable T value,
                                              BiFunction<CacheSettings, T, CacheSettings> with) {
        if (value == null) {
            return settings;
        }
        try {
            return with.apply(settings, value);
        } catch (CacheConfigurationException e) {
            throw new CacheConfigurationException("realestate.cache." + property + " cannot be used: " + e.getMessage(), e);
        }
    }
}
