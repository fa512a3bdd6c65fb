package com.realestate.property.system;

import com.realestate.property.auth.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service-wide beans: the clock every timestamp comes from and the OpenAPI description. */
@Configuration(proxyBeanMethods = false)
public class SystemConfiguration {

    private static final String BEARER = "bearer";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /** The clock of every timestamp the service writes. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The API's title and its bearer-token security, shown by Swagger UI. */
    @Bean
    OpenAPI propertyApi() {
        return new OpenAPI()
                .info(new Info().title("Property API").version("v1")
                        .description("Property listings of a multi-tenant real-estate platform. The tenant comes"
                                + " from the bearer token's tenant_id claim; roles from its roles claim."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
