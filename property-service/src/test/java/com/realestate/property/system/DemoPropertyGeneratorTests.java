package com.realestate.property.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.property.property.PropertyInput;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo data is repeatable and always acceptable to the API. */
class DemoPropertyGeneratorTests {

    @Test
    void theSameSeedGivesTheSameListings() {
        assertThat(new DemoPropertyGenerator(7).next(50)).isEqualTo(new DemoPropertyGenerator(7).next(50));
        assertThat(new DemoPropertyGenerator(7).next(50)).isNotEqualTo(new DemoPropertyGenerator(8).next(50));
    }

    @Test
    void everyListingPassesTheApisValidation() {
        List<PropertyInput> listings = new DemoPropertyGenerator(1).next(DemoDataSeeder.COUNT);

        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            assertThat(listings).allSatisfy(listing -> assertThat(validator.validate(listing)).isEmpty());
        }
        assertThat(listings).extracting(listing -> listing.address().city()).hasSizeGreaterThan(100)
                .contains("Lisbon", "London", "New York");
    }
}
