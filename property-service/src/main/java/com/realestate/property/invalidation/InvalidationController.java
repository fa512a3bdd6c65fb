package com.realestate.property.invalidation;

import com.realestate.cache.key.PropertyId;
import com.realestate.property.auth.Caller;
import com.realestate.property.property.PropertyController;
import com.realestate.property.property.PropertyIds;
import com.realestate.property.property.PropertyQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an admin drop a property's cached views by hand, within the tenant's rate limit. */
@RestController
@Tag(name = "Cache", description = "Manual cache invalidation")
public class InvalidationController {

    private final InvalidationRateLimiter rateLimiter;
    private final PropertyQueryService properties;
    private final CacheInvalidationPort port;

    /** A controller on the limiter, the property reads and the port. */
    public InvalidationController(InvalidationRateLimiter rateLimiter, PropertyQueryService properties,
            CacheInvalidationPort port) {
        this.rateLimiter = rateLimiter;
        this.properties = properties;
        this.port = port;
    }

    /**
     * Asks the cache to drop every view of the property and the tenant's list pages. Only an invalidation that
     * will happen takes one of the tenant's permits: a request for an unknown id is answered 404 without one.
     */
    @PostMapping(PropertyController.PATH + "/{id}/cache/invalidate")
    @Operation(summary = "Invalidate a property's cached views",
            description = "Answers 202 with the keys and groups; 429 with Retry-After over the tenant's limit.")
    public ResponseEntity<InvalidationResponse> invalidate(Caller caller, @PathVariable String id) {
        PropertyId propertyId = PropertyIds.fromPath(id);
        properties.get(caller.tenant(), propertyId);
        rateLimiter.acquire(caller.tenant());
        InvalidationRequest request = InvalidationRequest.forProperty(caller.tenant(), propertyId);
        return ResponseEntity.accepted().body(InvalidationResponse.of(request, port.invalidate(request)));
    }
}
