package com.realestate.property.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.property.support.Properties;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code If-Match} against a property at version 1, whose tag is {@code "p-1-v1"}. */
class PreconditionTests {

    private final Property current = Properties.apartment("1", "1", List.of());

    @Test
    void noHeaderAllowsTheWrite() {
        assertThat(Precondition.ifMatch(null).matches(current)).isTrue();
    }

    @Test
    void theCurrentTagOrAWildcardAllowsTheWrite() {
        assertThat(Precondition.ifMatch("\"p-1-v1\"").matches(current)).isTrue();
        assertThat(Precondition.ifMatch("\"p-1-v0\", \"p-1-v1\"").matches(current)).isTrue();
        assertThat(Precondition.ifMatch("*").matches(current)).isTrue();
    }

    @Test
    void aStaleWeakOrMalformedTagRefusesTheWrite() {
        assertThat(Precondition.ifMatch("\"p-1-v0\"").matches(current)).isFalse();
        assertThat(Precondition.ifMatch("W/\"p-1-v1\"").matches(current)).isFalse();
        assertThat(Precondition.ifMatch("\"p-2-v1\"").matches(current)).isFalse();
        assertThat(Precondition.ifMatch("").matches(current)).isFalse();
    }

    @Test
    void theTagIsTheIdAndVersion() {
        assertThat(PropertyETag.of(current)).isEqualTo("\"p-1-v1\"");
    }
}
