package com.realestate.property.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class BulkDemoSettingsTests {

    @Test
    void sharesTheListingsEvenlyWithTheRemainderOnTheFirstTenants() {
        BulkDemoSettings settings = new BulkDemoSettings(10, 4, "bench-");

        assertThat(settings.propertiesOf(1)).isEqualTo(3);
        assertThat(settings.propertiesOf(2)).isEqualTo(3);
        assertThat(settings.propertiesOf(3)).isEqualTo(2);
        assertThat(settings.propertiesOf(4)).isEqualTo(2);
        assertThat(settings.tenant(3).value()).isEqualTo("bench-3");
    }

    @Test
    void refusesSizesOutOfRangeNamingTheSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BulkDemoSettings(-1, 8, "bench-"))
                .withMessageContaining("realestate.demo.bulk.properties");
        assertThatIllegalArgumentException().isThrownBy(() -> new BulkDemoSettings(100, 0, "bench-"))
                .withMessageContaining("realestate.demo.bulk.tenants");
    }

    @Test
    void refusesAPrefixThatMakesNoValidTenantId() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BulkDemoSettings(100, 2, "t".repeat(300)))
                .withMessageContaining("realestate.demo.bulk.tenant-prefix");
    }
}
