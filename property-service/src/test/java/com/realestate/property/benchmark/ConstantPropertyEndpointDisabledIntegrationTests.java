package com.realestate.property.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.property.auth.Role;
import com.realestate.property.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** Without {@code realestate.benchmark.constant-endpoint=true}, the service has no constant endpoint. */
class ConstantPropertyEndpointDisabledIntegrationTests extends ApiIntegrationTest {

    @Test
    void theConstantEndpointIsNotThereByDefault() {
        assertThat(api.get(ConstantPropertyController.PATH, token(newTenant(), Role.USER)).status()).isEqualTo(404);
    }
}
