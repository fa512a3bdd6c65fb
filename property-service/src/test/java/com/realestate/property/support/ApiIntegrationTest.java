package com.realestate.property.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.key.TenantId;
import com.realestate.property.auth.Role;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service on a random port against the shared test database, configured once for every HTTP test
 * so that they all share one application context. Each test works in tenants of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "JWT_SECRET=" + TestTokens.SECRET,
    "JWT_ISSUER=" + TestTokens.ISSUER,
    "JWT_AUDIENCE=" + TestTokens.AUDIENCE,
    "realestate.invalidation.rate-limit.limit-for-period=" + ApiIntegrationTest.INVALIDATIONS_PER_PERIOD,
    "realestate.invalidation.rate-limit.period=1h"
})
public abstract class ApiIntegrationTest {

    /** How many invalidations a tenant may ask for per period in tests. */
    protected static final int INVALIDATIONS_PER_PERIOD = 3;

    /** The collection path. */
    protected static final String PROPERTIES = "/api/v1/properties";

    @LocalServerPort
    private int port;

    /** Direct access to the database, for checks beneath the API. */
    @Autowired
    protected JdbcClient jdbc;

    /** A client for the running service. */
    protected ApiClient api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        TestCache.register(registry);
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    /** A tenant no other test uses. */
    protected static TenantId newTenant() {
        return new TenantId("t-" + UUID.randomUUID());
    }

    /** A valid token for the tenant with the roles. */
    protected static String token(TenantId tenant, Role... roles) {
        return TestTokens.valid(tenant, roles);
    }

    /** Creates a property from the body as an admin of the tenant and returns its id. */
    protected String create(TenantId tenant, String body) {
        ApiClient.Response created = api.send("POST", PROPERTIES, token(tenant, Role.ADMIN), body);
        assertThat(created.status()).as("create: %s", created).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** Creates the sample property as an admin of the tenant and returns its id. */
    protected String create(TenantId tenant) {
        return create(tenant, SampleProperties.json());
    }

    /** How many properties the tenant has in the database. */
    protected long propertyRows(TenantId tenant) {
        return jdbc.sql("SELECT count(*) FROM properties WHERE tenant_id = ?").param(tenant.value())
                .query(Long.class).single();
    }

    /** How many events the tenant has in the database. */
    protected long eventRows(TenantId tenant) {
        return jdbc.sql("SELECT count(*) FROM property_events WHERE tenant_id = ?").param(tenant.value())
                .query(Long.class).single();
    }
}
