package com.realestate.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/** A Redis that cannot be reached, as Boot's health endpoint and a load balancer see it. */
class HealthEndpointTests {

    private static final String REDIS_WITH_PASSWORD = "redis://:s3cret@127.0.0.1:1/0";

    @Test
    void anUnreachableRedisMakesTheCacheDegradedAndSaysSo() {
        try (ConfigurableApplicationContext app = HealthTestApplication.start(REDIS_WITH_PASSWORD)) {
            IndicatedHealthDescriptor cache = HealthTestApplication.cacheHealth(app);

            assertThat(cache.getStatus()).isEqualTo(RealEstateCacheHealthIndicator.DEGRADED);
            assertThat(cache.getDetails()).containsEntry("serving", "from source")
                    .containsEntry("redisUrl", "redis://127.0.0.1:1/0")
                    .containsEntry("keyPrefix", "realestate:");
            assertThat(cache.getDetails().toString()).doesNotContain("s3cret");
        }
    }

    @Test
    void aDegradedCacheLeavesTheApplicationUpWithHttp200() {
        try (ConfigurableApplicationContext app = HealthTestApplication.start(REDIS_WITH_PASSWORD)) {
            Status overall = app.getBean(HealthEndpoint.class).health().getStatus();
            HttpCodeStatusMapper http = app.getBean(HttpCodeStatusMapper.class);

            assertThat(overall).isEqualTo(Status.UP);
            assertThat(http.getStatusCode(overall)).isEqualTo(200);
            assertThat(http.getStatusCode(RealEstateCacheHealthIndicator.DEGRADED)).isEqualTo(200);
        }
    }

    @Test
    void theCacheIsNotPartOfTheReadinessGroup() {
        try (ConfigurableApplicationContext app = HealthTestApplication.start(REDIS_WITH_PASSWORD,
                "management.endpoint.health.probes.enabled=true")) {
            HealthEndpointGroup readiness = app.getBean(HealthEndpointGroups.class).get("readiness");

            assertThat(readiness.isMember("realEstateCache")).isFalse();
            assertThat(app.getBean(HealthEndpoint.class).healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void theApplicationsOwnStatusOrderWins() {
        try (ConfigurableApplicationContext app = HealthTestApplication.start(REDIS_WITH_PASSWORD,
                "management.endpoint.health.status.order=degraded,down,out-of-service,up,unknown")) {
            Status overall = app.getBean(HealthEndpoint.class).health().getStatus();

            assertThat(overall).isEqualTo(RealEstateCacheHealthIndicator.DEGRADED);
            assertThat(app.getBean(HttpCodeStatusMapper.class).getStatusCode(overall)).isEqualTo(200);
        }
    }
}
