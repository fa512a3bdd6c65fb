package com.realestate.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadOptionsTests {

    @Test
    void readsEveryArgumentAndTakesTheSecretFromTheEnvironment() {
        LoadOptions options = LoadOptions.parse(new String[] {"--port=9000", "--scenario=list", "--connections=8",
            "--warmup=500ms", "--duration=2m", "--pause-pid=42", "--pause-from=10s", "--pause-to=20s"},
                Map.of("JWT_SECRET", "s".repeat(40)));

        assertThat(options.port()).isEqualTo(9000);
        assertThat(options.scenario()).isEqualTo(Scenario.LIST);
        assertThat(options.connections()).isEqualTo(8);
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.jwtSecret()).hasSize(40);
        assertThat(options.outage()).isEqualTo(new LoadOptions.Outage(42, Duration.ofSeconds(10), Duration.ofSeconds(20)));
    }

    @Test
    void refusesAMisspeltArgument() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(new String[] {"--conections=8"},
                Map.of("JWT_SECRET", "s".repeat(40)))).withMessageContaining("conections");
    }

    @Test
    void refusesAnOutageOutsideTheMeasuredWindow() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(new String[] {"--duration=10s",
            "--pause-pid=1", "--pause-from=5s", "--pause-to=15s"}, Map.of("JWT_SECRET", "s".repeat(40))));
    }

    @Test
    void listPathsCoverEachCitysFirstPages() {
        assertThat(Scenario.LIST.allPaths(2000)).hasSize(50)
                .contains("/api/v1/properties?city=lisbon&sort=-price&page=0&size=20")
                .contains("/api/v1/properties?city=austin&sort=-price&page=4&size=20");
        assertThat(Scenario.DETAIL.allPaths(3)).containsExactly("/api/v1/properties/p1", "/api/v1/properties/p2",
                "/api/v1/properties/p3");
    }

    @Test
    void refusesARunWithoutTheJwtSecret() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(new String[0], Map.of()))
                .withMessageContaining("JWT_SECRET");
    }
}
