package com.realestate.property;

import com.realestate.property.system.LocalRunBootstrap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Property API. Started from here (by {@code java -jar} or {@code spring-boot:run}), it brings up an embedded
 * PostgreSQL and Redis with demo data when no {@code DATABASE_URL} or {@code REDIS_URL} is given.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PropertyServiceApplication {

    /** Starts the service. */
    public static void main(String[] args) {
        application().run(args);
    }

    /** The service's application, with the local-run bootstrap that fills in whatever is not configured. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(PropertyServiceApplication.class);
        application.addListeners(new LocalRunBootstrap());
        return application;
    }
}
