package com.realestate.property.system;

import com.realestate.cache.key.TenantId;
import com.realestate.property.property.PropertyCommandService;
import com.realestate.property.property.PropertyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives a local run something to look at: a few hundred listings in the {@value #TENANT} tenant, written through
 * the normal write path so each has its {@code property.created} event. Runs only in a local run, and only into
 * an empty tenant.
 */
@Component
@Order(0)
@ConditionalOnBooleanProperty(LocalRunBootstrap.LOCAL_RUN)
public class DemoDataSeeder implements ApplicationRunner {

    /** The tenant of the demo data and the demo tokens. */
    public static final String TENANT = "demo";

    /** How many listings the demo tenant gets. */
    public static final int COUNT = 300;

    private static final long SEED = 20_240_601L;
    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final PropertyCommandService commands;
    private final PropertyRepository properties;
    private final TransactionTemplate transaction;

    /** A seeder writing through the given services, in one transaction. */
    public DemoDataSeeder(PropertyCommandService commands, PropertyRepository properties,
            TransactionTemplate transaction) {
        this.commands = commands;
        this.properties = properties;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        TenantId tenant = new TenantId(TENANT);
        if (properties.countByTenant(tenant) > 0) {
            return;
        }
        DemoPropertyGenerator generator = new DemoPropertyGenerator(SEED);
        transaction.executeWithoutResult(status -> generator.next(COUNT)
                .forEach(input -> commands.create(tenant, input)));
        log.info("Seeded {} demo properties in tenant '{}'", COUNT, TENANT);
    }
}
