package com.realestate.property.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.key.TenantId;
import com.realestate.property.auth.Role;
import com.realestate.property.support.ApiClient;
import com.realestate.property.support.ApiIntegrationTest;
import com.realestate.property.support.SampleProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A property's timeline shows its recorded events, oldest first, with each changed field's before and after. */
class TimelineIntegrationTests extends ApiIntegrationTest {

    private final TenantId tenant = newTenant();
    private final String user = token(tenant, Role.USER);

    @Test
    void aTimelineShowsCreationAndUpdatesWithTheirChanges() {
        String id = create(tenant);
        api.send("PUT", PROPERTIES + "/" + id, token(tenant, Role.ANALYST), SampleProperties.with(json -> {
            json.put("price", 425000.5).put("status", "PENDING");
            json.withObject("address").put("city", "Porto");
        }));

        JsonNode timeline = api.get(PROPERTIES + "/" + id + "/timeline", user).json();

        assertThat(timeline.get("propertyId").asString()).isEqualTo(id);
        JsonNode events = timeline.get("events");
        assertThat(events.valueStream().map(event -> event.get("type").asString()))
                .containsExactly("property.created", "property.updated");
        JsonNode created = events.get(0).get("changes");
        assertThat(created.get("price").get("from").isNull()).isTrue();
        assertThat(created.get("price").get("to").decimalValue()).isEqualByComparingTo("400000");
        assertThat(created.get("address.city").get("to").asString()).isEqualTo("Lisbon");
        assertThat(created.get("features").get("to")).hasSize(2);
        JsonNode updated = events.get(1).get("changes");
        assertThat(updated.propertyNames()).containsExactlyInAnyOrder("price", "status", "address.city");
        assertThat(updated.get("price").get("from").decimalValue()).isEqualByComparingTo("400000.00");
        assertThat(updated.get("price").get("to").decimalValue()).isEqualByComparingTo("425000.50");
        assertThat(updated.get("status").get("from").asString()).isEqualTo("ACTIVE");
        assertThat(updated.get("status").get("to").asString()).isEqualTo("PENDING");
        assertThat(updated.get("address.city").get("from").asString()).isEqualTo("Lisbon");
        assertThat(updated.get("address.city").get("to").asString()).isEqualTo("Porto");
        assertThat(events.get(0).get("occurredAt").asString())
                .isLessThanOrEqualTo(events.get(1).get("occurredAt").asString());
    }

    @Test
    void anUnchangedTimelineAnswers304ToItsETag() {
        String id = create(tenant);
        ApiClient.Response first = api.get(PROPERTIES + "/" + id + "/timeline", user);

        assertThat(api.get(PROPERTIES + "/" + id + "/timeline", user, "If-None-Match", first.header("ETag")).status())
                .isEqualTo(304);
    }

    @Test
    void aDeletionIsKeptInTheOutboxThoughTheTimelineIsGone() {
        String id = create(tenant);

        api.send("DELETE", PROPERTIES + "/" + id, token(tenant, Role.ADMIN), null);

        assertThat(api.get(PROPERTIES + "/" + id + "/timeline", user).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT type FROM property_events WHERE tenant_id = ? AND property_id = ? ORDER BY id")
                .params(tenant.value(), id).query(String.class).list())
                .containsExactly("property.created", "property.deleted");
    }
}
