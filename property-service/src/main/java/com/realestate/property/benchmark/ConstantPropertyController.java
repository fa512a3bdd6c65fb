package com.realestate.property.benchmark;

import com.realestate.property.auth.Caller;
import com.realestate.property.property.Address;
import com.realestate.property.property.Property;
import com.realestate.property.property.PropertyETag;
import com.realestate.property.property.PropertyStatus;
import com.realestate.property.property.PropertyType;
import com.realestate.property.system.RenderedView;
import com.realestate.property.system.ViewRenderer;
import io.swagger.v3.oas.annotations.Hidden;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The framework's ceiling for load runs: a read that passes the same security filter chain, JWT check, role rule,
 * {@code Caller} resolution, headers and body writing as the detail read, but answers a fixed property shaped like
 * the load runs' seeded listings, so its body is the size of theirs (about 400 bytes), rendered once as the detail
 * read caches its responses, without looking anything up. What the detail read costs beyond this is the cost of
 * reading the property. Only there when {@code realestate.benchmark.constant-endpoint=true}.
 */
@RestController
@Hidden
@ConditionalOnBooleanProperty(ConstantPropertyController.ENABLED)
public class ConstantPropertyController {

    /** The setting that turns the endpoint on. */
    public static final String ENABLED = "realestate.benchmark.constant-endpoint";

    /** Where it answers. */
    public static final String PATH = "/api/v1/benchmark/property";

    private static final Instant CREATED = Instant.parse("2024-06-01T09:30:00.123456Z");
    private static final Property PROPERTY = new Property("p4242", "benchmark",
            new Address("243 Avenida da Liberdade", "Lisbon", "Lisboa", "1250-242", "PT"),
            new BigDecimal("412000"), "EUR", 2, 2, new BigDecimal("87"), PropertyType.APARTMENT,
            PropertyStatus.ACTIVE, List.of("balcony", "parking", "elevator"), 1, CREATED, CREATED);

    private final RenderedView rendered;

    /** An endpoint answering the fixed property as {@code renderer} renders it, once. */
    public ConstantPropertyController(ViewRenderer renderer) {
        this.rendered = renderer.render(PROPERTY, PropertyETag.of(PROPERTY));
    }

    /** The fixed property, with the detail read's headers, written as a cache hit of the detail read is. */
    @GetMapping(PATH)
    public ResponseEntity<String> property(Caller caller) {
        return rendered.response();
    }
}
