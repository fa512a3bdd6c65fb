package com.realestate.property.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The environment variables that are mapped onto Spring settings before the context starts. */
class EnvironmentPostProcessorsTests {

    private final MockEnvironment environment = new MockEnvironment();
    private final SpringApplication application = new SpringApplication();

    @Test
    void databaseUrlBecomesTheDatasourceSettings() {
        environment.setProperty("DATABASE_URL", "postgres://app:secret@db.internal:5432/properties");

        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, application);

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db.internal:5432/properties");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("app");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("secret");
    }

    @Test
    void withoutDatabaseUrlNothingIsSet() {
        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, application);

        assertThat(environment.containsProperty("spring.datasource.url")).isFalse();
    }

    @Test
    void logFormatJsonSwitchesTheConsoleToEcs() {
        environment.setProperty("LOG_FORMAT", "JSON");

        new LogFormatEnvironmentPostProcessor().postProcessEnvironment(environment, application);

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void logFormatNamingAStructuredFormatChoosesIt() {
        environment.setProperty("LOG_FORMAT", "logstash");

        new LogFormatEnvironmentPostProcessor().postProcessEnvironment(environment, application);

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    @Test
    void anyOtherLogFormatKeepsPlainText() {
        environment.setProperty("LOG_FORMAT", "text");

        new LogFormatEnvironmentPostProcessor().postProcessEnvironment(environment, application);

        assertThat(environment.containsProperty("logging.structured.format.console")).isFalse();
    }
}
