package com.realestate.property.score;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.key.TenantId;
import com.realestate.property.auth.Role;
import com.realestate.property.support.ApiClient;
import com.realestate.property.support.ApiIntegrationTest;
import com.realestate.property.support.SampleProperties;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scores computed over HTTP against hand-checked values. The subject is the sample: 400,000 EUR for 100 m²
 * (4,000 per m²) with 2 features, so its size score is 67 (100/150) and its feature score 40.
 */
class ScoreIntegrationTests extends ApiIntegrationTest {

    private final TenantId tenant = newTenant();
    private final String user = token(tenant, Role.USER);

    @Test
    void aPropertyIsScoredAgainstTheMedianOfItsComparables() {
        String id = create(tenant);
        createWithPrice(500000, json -> { });
        createWithPrice(600000, json -> json.put("status", "PENDING"));
        createWithPrice(450000, json -> json.put("areaSqm", 112.5));

        JsonNode score = score(id);

        assertThat(score.get("propertyId").asString()).isEqualTo(id);
        JsonNode components = score.get("components");
        assertThat(components.get("pricePerSqm").decimalValue()).isEqualByComparingTo("4000.00");
        assertThat(components.get("cityMedianPricePerSqm").decimalValue()).isEqualByComparingTo("5000.00");
        assertThat(components.get("comparables").asInt()).isEqualTo(3);
        assertThat(components.get("valueScore").asInt()).isEqualTo(70);
        assertThat(components.get("sizeScore").asInt()).isEqualTo(67);
        assertThat(components.get("featureScore").asInt()).isEqualTo(40);
        assertThat(score.get("score").asInt()).isEqualTo(65);
        assertThat(score.get("calculatedAt").asString()).isNotBlank();
    }

    @Test
    void listingsThatDoNotCompareAreLeftOut() {
        String id = create(tenant);
        createWithPrice(500000, json -> { });
        createWithPrice(100000, json -> json.withObject("address").put("city", "Porto"));
        createWithPrice(100000, json -> json.put("type", "HOUSE"));
        createWithPrice(100000, json -> json.put("status", "SOLD"));
        createWithPrice(100000, json -> json.put("status", "OFF_MARKET"));
        createWithPrice(100000, json -> json.put("currency", "USD"));
        create(newTenant(), SampleProperties.with(json -> json.put("price", 100000)));

        JsonNode components = score(id).get("components");

        assertThat(components.get("comparables").asInt()).isEqualTo(1);
        assertThat(components.get("cityMedianPricePerSqm").decimalValue()).isEqualByComparingTo("5000.00");
    }

    @Test
    void citiesCompareWhateverTheirCase() {
        String id = create(tenant);
        createWithPrice(500000, json -> json.withObject("address").put("city", "LISBON"));

        assertThat(score(id).get("components").get("comparables").asInt()).isEqualTo(1);
    }

    @Test
    void withoutComparablesTheValueIsNeutral() {
        String id = create(tenant, SampleProperties.with(json -> {
            json.put("price", 1000000).put("areaSqm", 200);
            json.putArray("features");
        }));

        JsonNode score = score(id);

        assertThat(score.get("components").get("comparables").asInt()).isZero();
        assertThat(score.get("components").get("cityMedianPricePerSqm").isNull()).isTrue();
        assertThat(score.get("components").get("valueScore").asInt()).isEqualTo(50);
        assertThat(score.get("components").get("sizeScore").asInt()).isEqualTo(100);
        assertThat(score.get("score").asInt()).isEqualTo(55);
    }

    @Test
    void aChangeToThePropertyChangesItsScoreAndTheTimelineRecordsBoth() {
        String id = create(tenant);
        createWithPrice(500000, json -> { });
        assertThat(score(id).get("score").asInt()).isEqualTo(65);

        api.send("PUT", PROPERTIES + "/" + id, token(tenant, Role.ANALYST),
                SampleProperties.with(json -> json.put("price", 600000)));
        JsonNode rescored = score(id);

        assertThat(rescored.get("components").get("valueScore").asInt()).isEqualTo(30);
        assertThat(rescored.get("score").asInt()).isEqualTo(41);
        JsonNode events = api.get(PROPERTIES + "/" + id + "/timeline", user).json().get("events");
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("type").asString()).isEqualTo("score.calculated");
        assertThat(last.get("changes").get("score").get("from").asInt()).isEqualTo(65);
        assertThat(last.get("changes").get("score").get("to").asInt()).isEqualTo(41);
    }

    @Test
    void aScoreCarriesAnETagOfItsBody() {
        String id = create(tenant);

        ApiClient.Response response = api.get(PROPERTIES + "/" + id + "/score", user);

        assertThat(response.header("ETag")).matches("\"[0-9a-f]{32}\"");
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache, private");
    }

    private void createWithPrice(int price, Consumer<ObjectNode> change) {
        create(tenant, SampleProperties.with(json -> {
            json.put("price", price);
            change.accept(json);
        }));
    }

    private JsonNode score(String id) {
        ApiClient.Response response = api.get(PROPERTIES + "/" + id + "/score", user);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
