package com.realestate.property.support;

import com.realestate.property.events.PropertyEventRepository;
import com.realestate.property.property.PropertyRepository;
import com.realestate.property.score.ComparablesRepository;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;
import tools.jackson.databind.json.JsonMapper;

/** The beans of a {@link DatabaseSliceTest}: the repositories, a JSON mapper, a clock and the shared database. */
@TestConfiguration(proxyBeanMethods = false)
@Import({PropertyRepository.class, PropertyEventRepository.class, ComparablesRepository.class})
public class DatabaseSliceConfiguration {

    @Bean
    DynamicPropertyRegistrar sharedDatabase() {
        return TestDatabase::register;
    }

    @Bean
    JsonMapper jsonMapper() {
        return JsonMapper.builder().build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
