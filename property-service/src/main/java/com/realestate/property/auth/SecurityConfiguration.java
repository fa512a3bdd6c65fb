package com.realestate.property.auth;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.realestate.property.benchmark.ConstantPropertyController;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what. Every API route needs a valid bearer token, and its roles decide the methods; failures are
 * answered as problem details by the same advice that answers every other error.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final String PROPERTIES = "/api/v1/properties";
    private static final String PROPERTY = PROPERTIES + "/*";
    /** The reads, which answer HEAD too (Spring MVC serves it with the GET handler), so both need the same rule. */
    private static final String[] READS = {PROPERTIES, PROPERTY, PROPERTY + "/score", PROPERTY + "/timeline",
        ConstantPropertyController.PATH};
    private static final String[] READERS = roles(Role.USER, Role.ANALYST, Role.OPS, Role.ADMIN);

    /** The API's filter chain: stateless, bearer tokens only, roles per method and route. */
    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) throws Exception {
        ProblemSecurityHandler problems = new ProblemSecurityHandler(resolver);
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .headers(headers -> headers.cacheControl(cacheControl -> cacheControl.disable()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(GET, READS).hasAnyRole(READERS)
                        .requestMatchers(HEAD, READS).hasAnyRole(READERS)
                        .requestMatchers(POST, PROPERTIES).hasAnyRole(roles(Role.ANALYST, Role.ADMIN))
                        .requestMatchers(PUT, PROPERTY).hasAnyRole(roles(Role.ANALYST, Role.OPS, Role.ADMIN))
                        .requestMatchers(DELETE, PROPERTY).hasAnyRole(roles(Role.ADMIN))
                        .requestMatchers(POST, PROPERTY + "/cache/invalidate").hasAnyRole(roles(Role.ADMIN))
                        .requestMatchers("/actuator/**").hasAnyRole(roles(Role.OPS, Role.ADMIN))
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * No per-filter observations from Spring Security: they wrap each of the chain's filters in a Micrometer
     * observation, which cost more per request than the JWT check itself. Requests are still timed whole by
     * {@code http.server.requests}, and failures still show as 401 and 403 there.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The decoder for the configured HS256 secret or RS256 JWKS, remembering the tokens it verified. */
    @Bean
    JwtDecoder jwtDecoder(JwtSettings settings, VerifiedTokenSettings verifiedTokens) {
        return VerifiedTokenCache.around(JwtDecoderFactory.create(settings), verifiedTokens, Clock.systemUTC());
    }

    /** Lets controllers take the authenticated {@link Caller} as a parameter. */
    @Bean
    WebMvcConfigurer callerArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    private static JwtAuthenticationConverter authenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(JwtClaims.ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static String[] roles(Role... roles) {
        String[] names = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            names[i] = roles[i].claimValue();
        }
        return names;
    }
}
