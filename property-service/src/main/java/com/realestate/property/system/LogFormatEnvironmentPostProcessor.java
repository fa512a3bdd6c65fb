package com.realestate.property.system;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Switches the console to structured JSON logs when {@code LOG_FORMAT} asks for it: {@code json} means Elastic
 * Common Schema, and {@code ecs}, {@code logstash} or {@code gelf} choose that format. Anything else, or nothing,
 * keeps the plain text logs.
 */
public class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor {

    private static final Map<String, String> FORMATS = Map.of(
            "json", "ecs", "ecs", "ecs", "logstash", "logstash", "gelf", "gelf");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String requested = environment.getProperty("LOG_FORMAT");
        if (!StringUtils.hasText(requested)) {
            return;
        }
        String format = FORMATS.get(requested.strip().toLowerCase(Locale.ROOT));
        if (format != null) {
            environment.getPropertySources().addFirst(new MapPropertySource("logFormat",
                    Map.of("logging.structured.format.console", format)));
        }
    }
}
