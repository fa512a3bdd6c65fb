package com.realestate.cache.spring;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** A whole Spring Boot application (every auto-configuration on the test class path, actuator included), no web server. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableCaching
class HealthTestApplication {

    static ConfigurableApplicationContext start(String redisUrl, String... properties) {
        return new SpringApplicationBuilder(HealthTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "realestate.cache.redis-url=" + redisUrl,
                        "realestate.cache.command-timeout=200ms",
                        "management.endpoint.health.show-details=always",
                        "management.endpoint.health.show-components=always")
                .properties(properties)
                .run();
    }

    /** The cache's entry in the health endpoint. */
    static IndicatedHealthDescriptor cacheHealth(ConfigurableApplicationContext app) {
        HealthDescriptor health = app.getBean(HealthEndpoint.class).healthForPath("realEstateCache");
        return (IndicatedHealthDescriptor) health;
    }
}
