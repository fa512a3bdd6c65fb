package com.realestate.property.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.property.events.FieldChange;
import com.realestate.property.support.Properties;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The field changes an event records. */
class PropertyChangesTests {

    private final Property stored = Properties.apartment("400000.00", "100.00", List.of("balcony"));

    @Test
    void aReplaceRecordsOnlyWhatChangedWithAddressPartsByName() {
        PropertyInput input = new PropertyInput(new Address("1 Rua Augusta", "Porto", "Lisboa", "1100-048", "PT"),
                new BigDecimal("425000"), "EUR", 2, 1, new BigDecimal("100"), PropertyType.APARTMENT,
                PropertyStatus.PENDING, List.of("balcony", "pool"));

        Map<String, FieldChange> changes = PropertyChanges.between(stored, input);

        assertThat(changes).containsOnlyKeys("address.city", "price", "status", "features");
        assertThat(changes.get("address.city")).isEqualTo(new FieldChange("Lisbon", "Porto"));
        assertThat(changes.get("price")).isEqualTo(new FieldChange(new BigDecimal("400000.00"),
                new BigDecimal("425000.00")));
        assertThat(changes.get("status")).isEqualTo(new FieldChange("ACTIVE", "PENDING"));
        assertThat(changes.get("features")).isEqualTo(new FieldChange(List.of("balcony"), List.of("balcony", "pool")));
    }

    @Test
    void decimalsThatDifferOnlyInScaleAreNoChange() {
        PropertyInput same = new PropertyInput(stored.address(), new BigDecimal("400000"), "EUR", 2, 1,
                new BigDecimal("100.0"), PropertyType.APARTMENT, PropertyStatus.ACTIVE, List.of("balcony"));

        assertThat(PropertyChanges.between(stored, same)).isEmpty();
    }

    @Test
    void creationAndDeletionRecordEveryPresentField() {
        Map<String, FieldChange> created = PropertyChanges.created(stored);
        Map<String, FieldChange> deleted = PropertyChanges.deleted(stored);

        assertThat(created).hasSize(13).containsEntry("bedrooms", new FieldChange(null, 2));
        assertThat(deleted).hasSize(13).containsEntry("type", new FieldChange("APARTMENT", null));
    }
}
